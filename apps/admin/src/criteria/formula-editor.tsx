import { Button, Group, Text, Textarea } from "@mantine/core";
import { useId, useRef } from "react";
import "./criteria.css";
import { useI18n } from "../i18n/i18n";
import type { CriteriaProblem } from "./criteria-problems";

/**
 * A formula field that shows each error where it is: the offending line with the
 * character underlined and a caret under it, "line 2, column 9", and a button that puts
 * the text cursor there.
 */
export function FormulaEditor({
  label,
  value,
  onChange,
  problems,
  names,
  readOnly,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  problems: readonly CriteriaProblem[];
  /** What the formula may read (declared inputs and facts), shown as a hint. */
  names: readonly string[];
  readOnly: boolean;
}) {
  const { t, locale } = useI18n();
  const area = useRef<HTMLTextAreaElement>(null);
  const errorId = useId();
  const hintId = useId();
  const located = problems.find((p) => p.position !== null);
  const position = located?.position ?? null;

  const goTo = () => {
    const el = area.current;
    if (!el || !position) return;
    el.focus();
    el.setSelectionRange(position.offset, Math.min(position.offset + 1, value.length));
  };

  let excerpt: { before: string; at: string; after: string } | null = null;
  if (position) {
    const lines = value.split("\n");
    const text = lines[position.line - 1] ?? "";
    const col = position.column - 1;
    excerpt = { before: text.slice(0, col), at: text.slice(col, col + 1) || " ", after: text.slice(col + 1) };
  }

  return (
    <div>
      <Textarea
        ref={area}
        label={label}
        value={value}
        readOnly={readOnly}
        onChange={(e) => onChange(e.currentTarget.value)}
        autosize
        minRows={1}
        spellCheck={false}
        styles={{ input: { fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace" } }}
        error={problems.length > 0 ? " " : undefined}
        aria-describedby={`${hintId}${problems.length > 0 ? ` ${errorId}` : ""}`}
        data-testid="formula-input"
      />
      <Text id={hintId} size="xs" c="dimmed">
        {t("criteria.formula.hint", { names: names.join(", ") })}
      </Text>
      {problems.length > 0 && (
        <div id={errorId} role="alert" className="formula-error" data-testid="formula-error">
          {excerpt && position && (
            <pre aria-hidden="true" className="formula-excerpt">
              {excerpt.before}
              <mark>{excerpt.at}</mark>
              {excerpt.after}
              {"\n"}
              {" ".repeat(position.column - 1)}^
            </pre>
          )}
          {problems.map((p) => (
            <Text key={`${p.code}-${p.path}-${p.position?.offset ?? ""}`} size="sm" c="red.9">
              {locale === "vi" ? p.message.vi : p.message.en}
            </Text>
          ))}
          {position && (
            <Group gap="xs" mt={4}>
              <Button size="compact-xs" variant="light" onClick={goTo}>
                {t("criteria.formula.goTo", { line: position.line, column: position.column })}
              </Button>
            </Group>
          )}
        </div>
      )}
    </div>
  );
}
