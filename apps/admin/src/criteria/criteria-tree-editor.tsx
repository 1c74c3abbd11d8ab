import type { CriteriaNode, GateCondition, IndicatorRule } from "@lantoa/domain/criteria";
import { FACT_INPUTS } from "@lantoa/domain/criteria";
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages-vi";
import {
  type Draft,
  type EditDraft,
  freshId,
  nodeAt,
  numberOf,
  siblingsOf,
  sumPoints,
  usedIds,
} from "./criteria-draft";
import type { CriteriaProblem } from "./criteria-problems";
import { FormulaEditor } from "./formula-editor";

type Kind = CriteriaNode["kind"];
const KINDS: readonly Kind[] = ["rating", "indicator", "formula", "gate", "group"];

interface TreeProps {
  draft: Draft;
  edit: EditDraft;
  problemsByNode: ReadonlyMap<string, CriteriaProblem[]>;
  readOnly: boolean;
}

/** A new node of a kind, with an id not used yet and values that make sense to edit from. */
function newNode(draft: Draft, kind: Kind): CriteriaNode {
  const id = freshId(usedIds(draft.criteria), kind === "group" ? "group" : kind === "gate" ? "gate" : "criterion");
  const label = { vi: "", en: "" };
  switch (kind) {
    case "group":
      return { kind, id, label, children: [] };
    case "rating":
      return { kind, id, label, points: 10, scaleId: draft.scales[0]?.id ?? "" };
    case "indicator":
      return {
        kind,
        id,
        label,
        points: 10,
        rule: { kind: "relative-to-best", input: draft.inputs[0]?.code ?? "" },
      };
    case "formula":
      return { kind, id, label, points: 10, expression: "min(10, months_running ÷ 12)" };
    case "gate":
      return { kind, id, label, condition: { kind: "running-months", months: 12 }, eliminatory: true };
    default: {
      const never: never = kind;
      throw new Error(`unknown kind ${never}`);
    }
  }
}

/** The buttons that add a node of each kind to a list (the root or a group's children). */
function AddButtons({ edit, indexPath }: { edit: EditDraft; indexPath: readonly number[] }) {
  const { t } = useI18n();
  return (
    <Group gap="xs">
      {KINDS.map((kind) => (
        <Button
          key={kind}
          size="compact-sm"
          variant="light"
          onClick={() =>
            edit((d) => {
              const list =
                indexPath.length === 0 ? d.criteria : (nodeAt(d, indexPath) as { children: CriteriaNode[] }).children;
              list.push(newNode(d, kind));
            })
          }
        >
          {t(`criteria.add.${kind}` as MessageKey)}
        </Button>
      ))}
    </Group>
  );
}

/** The criteria tree: groups and criteria, each editable in place, with add/move/remove. */
export function CriteriaTreeEditor(props: TreeProps) {
  return (
    <Stack gap="sm">
      {props.draft.criteria.map((node, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, ids included; the position is their identity while editing
        <NodeEditor key={`${node.kind}-${i}`} {...props} node={node} indexPath={[i]} />
      ))}
      {!props.readOnly && <AddButtons edit={props.edit} indexPath={[]} />}
    </Stack>
  );
}

function NodeEditor({
  node,
  indexPath,
  draft,
  edit,
  problemsByNode,
  readOnly,
}: TreeProps & {
  node: CriteriaNode;
  indexPath: number[];
}) {
  const { t, locale } = useI18n();
  const change = (mutate: (n: CriteriaNode) => void) => edit((d) => mutate(nodeAt(d, indexPath)));
  const problems = problemsByNode.get(node.id) ?? [];
  const formulaProblems = problems.filter((p) => p.code.startsWith("FORMULA.") || p.position !== null);
  const otherProblems = problems.filter((p) => !formulaProblems.includes(p));
  const index = indexPath[indexPath.length - 1] ?? 0;
  const names = [...draft.inputs.map((i) => i.code), ...Object.keys(FACT_INPUTS)];
  const move = (delta: number) =>
    edit((d) => {
      const list = siblingsOf(d, indexPath);
      const [moved] = list.splice(index, 1);
      if (moved) list.splice(Math.max(0, Math.min(list.length, index + delta)), 0, moved);
    });

  return (
    <Paper
      withBorder
      p="sm"
      data-testid={`node-${node.id}`}
      style={{ borderColor: problems.length > 0 ? "var(--mantine-color-red-6)" : undefined }}
      component="fieldset"
      aria-label={t("criteria.node.aria", { kind: t(`criteria.kind.${node.kind}` as MessageKey), id: node.id })}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="xs" align="flex-end" wrap="wrap" style={{ flex: 1 }}>
          <Badge variant="light" color={node.kind === "gate" ? "orange" : node.kind === "group" ? "gray" : "blue"}>
            {t(`criteria.kind.${node.kind}` as MessageKey)}
          </Badge>
          <TextInput
            label={t("criteria.node.labelVi")}
            value={node.label.vi}
            readOnly={readOnly}
            onChange={(e) => {
              const value = e.currentTarget.value;
              change((n) => {
                n.label.vi = value;
              });
            }}
            style={{ flex: 2, minWidth: "14rem" }}
          />
          <TextInput
            label={t("criteria.node.labelEn")}
            value={node.label.en}
            readOnly={readOnly}
            onChange={(e) => {
              const value = e.currentTarget.value;
              change((n) => {
                n.label.en = value;
              });
            }}
            style={{ flex: 2, minWidth: "12rem" }}
          />
          <TextInput
            label={t("criteria.node.id")}
            value={node.id}
            readOnly={readOnly}
            onChange={(e) => {
              const value = e.currentTarget.value;
              change((n) => {
                n.id = value;
              });
            }}
            style={{ width: "10rem" }}
          />
          {node.kind !== "gate" && node.kind !== "group" && node.weight !== undefined && (
            <NumberInput
              label={t("criteria.node.weight")}
              value={node.weight}
              readOnly={readOnly}
              min={0}
              decimalScale={3}
              onChange={(v) =>
                change((n) => {
                  if (n.kind !== "gate" && n.kind !== "group") n.weight = numberOf(v);
                })
              }
              style={{ width: "8rem" }}
            />
          )}
          {node.kind !== "gate" && (node.kind === "group" || node.weight === undefined) && (
            <NumberInput
              label={node.kind === "group" ? t("criteria.node.groupPoints") : t("criteria.node.points")}
              value={node.points ?? ""}
              readOnly={readOnly}
              min={0}
              decimalScale={3}
              onChange={(v) =>
                change((n) => {
                  if (n.kind !== "gate") n.points = numberOf(v);
                })
              }
              style={{ width: "8rem" }}
            />
          )}
        </Group>
        {!readOnly && (
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              aria-label={t("criteria.node.up")}
              disabled={index === 0}
              onClick={() => move(-1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon variant="subtle" aria-label={t("criteria.node.down")} onClick={() => move(1)}>
              ↓
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("criteria.node.remove", { id: node.id })}
              onClick={() => edit((d) => void siblingsOf(d, indexPath).splice(index, 1))}
            >
              ✕
            </ActionIcon>
          </Group>
        )}
      </Group>

      <div style={{ marginTop: "0.5rem" }}>
        {node.kind === "rating" && (
          <NativeSelect
            label={t("criteria.node.scale")}
            value={node.scaleId}
            disabled={readOnly}
            data={[
              ...(draft.scales.some((s) => s.id === node.scaleId) ? [] : [{ value: node.scaleId, label: "—" }]),
              ...draft.scales.map((s) => ({ value: s.id, label: `${s.label[locale] || s.id} (${s.min}–${s.max})` })),
            ]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              change((n) => {
                if (n.kind === "rating") n.scaleId = value;
              });
            }}
            style={{ maxWidth: "24rem" }}
          />
        )}
        {node.kind === "formula" && (
          <FormulaEditor
            label={t("criteria.node.expression")}
            value={node.expression}
            readOnly={readOnly}
            problems={formulaProblems}
            names={names}
            onChange={(value) =>
              change((n) => {
                if (n.kind === "formula") n.expression = value;
              })
            }
          />
        )}
        {node.kind === "indicator" && (
          <RuleEditor
            rule={node.rule}
            inputs={draft.inputs.map((i) => i.code)}
            readOnly={readOnly}
            onChange={(rule) =>
              change((n) => {
                if (n.kind === "indicator") n.rule = rule;
              })
            }
          />
        )}
        {node.kind === "gate" && (
          <Stack gap="xs">
            <ConditionEditor
              condition={node.condition}
              inputs={draft.inputs.map((i) => i.code)}
              readOnly={readOnly}
              formulaProblems={formulaProblems}
              names={names}
              onChange={(condition) =>
                change((n) => {
                  if (n.kind === "gate") n.condition = condition;
                })
              }
            />
            <Switch
              label={t("criteria.gate.eliminatory")}
              checked={node.eliminatory}
              disabled={readOnly}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                change((n) => {
                  if (n.kind === "gate") n.eliminatory = checked;
                });
              }}
            />
          </Stack>
        )}
        {node.kind === "group" && (
          <Stack gap="sm" pl="md" style={{ borderLeft: "3px solid var(--mantine-color-gray-3)" }}>
            <Text size="sm" c="dimmed" data-testid={`group-sum-${node.id}`}>
              {t("criteria.group.sum", { sum: sumPoints(node.children) })}
            </Text>
            {node.children.map((child, i) => (
              <NodeEditor
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, ids included; the position is their identity while editing
                key={`${child.kind}-${i}`}
                node={child}
                indexPath={[...indexPath, i]}
                draft={draft}
                edit={edit}
                problemsByNode={problemsByNode}
                readOnly={readOnly}
              />
            ))}
            {!readOnly && <AddButtons edit={edit} indexPath={indexPath} />}
          </Stack>
        )}
      </div>
      {otherProblems.map((p) => (
        <Text key={`${p.code}-${p.path}`} size="sm" c="red.9" role="alert" mt={4}>
          {locale === "vi" ? p.message.vi : p.message.en}
        </Text>
      ))}
    </Paper>
  );
}

function RuleEditor({
  rule,
  inputs,
  readOnly,
  onChange,
}: {
  rule: IndicatorRule;
  inputs: readonly string[];
  readOnly: boolean;
  onChange(rule: IndicatorRule): void;
}) {
  const { t } = useI18n();
  const kinds: IndicatorRule["kind"][] = ["relative-to-best", "ratio-to-target", "linear", "thresholds"];
  const switchTo = (kind: IndicatorRule["kind"]): IndicatorRule => {
    const input = rule.input;
    switch (kind) {
      case "linear":
        return { kind, input, from: 0, to: 10 };
      case "thresholds":
        return { kind, input, steps: [{ atLeast: 1, points: 5 }] };
      case "ratio-to-target":
        return { kind, input, target: 10, cap: 1 };
      case "relative-to-best":
        return { kind, input };
      default: {
        const never: never = kind;
        throw new Error(`unknown rule ${never}`);
      }
    }
  };
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <NativeSelect
        label={t("criteria.rule.kind")}
        value={rule.kind}
        disabled={readOnly}
        data={kinds.map((k) => ({ value: k, label: t(`criteria.rule.${k}` as MessageKey) }))}
        onChange={(e) => onChange(switchTo(e.currentTarget.value as IndicatorRule["kind"]))}
      />
      <NativeSelect
        label={t("criteria.rule.input")}
        value={rule.input}
        disabled={readOnly}
        data={[...(inputs.includes(rule.input) ? [] : [rule.input]), ...inputs]}
        onChange={(e) => onChange({ ...rule, input: e.currentTarget.value })}
      />
      {rule.kind === "linear" && (
        <>
          <NumberInput
            label={t("criteria.rule.from")}
            value={rule.from}
            readOnly={readOnly}
            onChange={(v) => onChange({ ...rule, from: numberOf(v) ?? 0 })}
          />
          <NumberInput
            label={t("criteria.rule.to")}
            value={rule.to}
            readOnly={readOnly}
            onChange={(v) => onChange({ ...rule, to: numberOf(v) ?? 0 })}
          />
        </>
      )}
      {rule.kind === "ratio-to-target" && (
        <>
          <NumberInput
            label={t("criteria.rule.target")}
            value={rule.target}
            readOnly={readOnly}
            onChange={(v) => onChange({ ...rule, target: numberOf(v) ?? 0 })}
          />
          <NumberInput
            label={t("criteria.rule.cap")}
            value={rule.cap}
            readOnly={readOnly}
            step={0.1}
            onChange={(v) => onChange({ ...rule, cap: numberOf(v) ?? 1 })}
          />
        </>
      )}
      {rule.kind === "thresholds" && (
        <TextInput
          label={t("criteria.rule.steps")}
          description={t("criteria.rule.stepsHint")}
          defaultValue={rule.steps.map((s) => `${s.atLeast}:${s.points}`).join(", ")}
          readOnly={readOnly}
          onChange={(e) => {
            const steps = e.currentTarget.value
              .split(",")
              .map((part) => part.split(":").map((x) => Number(x.trim())))
              .filter((pair) => pair.length === 2 && pair.every(Number.isFinite))
              .map(([atLeast, points]) => ({ atLeast: atLeast ?? 0, points: points ?? 0 }));
            onChange({ ...rule, steps });
          }}
          style={{ minWidth: "16rem" }}
        />
      )}
    </Group>
  );
}

function ConditionEditor({
  condition,
  inputs,
  readOnly,
  formulaProblems,
  names,
  onChange,
}: {
  condition: GateCondition;
  inputs: readonly string[];
  readOnly: boolean;
  formulaProblems: readonly CriteriaProblem[];
  names: readonly string[];
  onChange(condition: GateCondition): void;
}) {
  const { t } = useI18n();
  const kinds: GateCondition["kind"][] = ["running-months", "evidence", "not-disciplined", "indicator", "formula"];
  const switchTo = (kind: GateCondition["kind"]): GateCondition => {
    switch (kind) {
      case "running-months":
        return { kind, months: 12 };
      case "evidence":
        return { kind, atLeast: 1 };
      case "not-disciplined":
        return { kind };
      case "indicator":
        return { kind, input: inputs[0] ?? "", op: ">=", value: 1 };
      case "formula":
        return { kind, expression: "months_running >= 12" };
      default: {
        const never: never = kind;
        throw new Error(`unknown condition ${never}`);
      }
    }
  };
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("criteria.gate.condition")}
          value={condition.kind}
          disabled={readOnly}
          data={kinds.map((k) => ({ value: k, label: t(`criteria.gate.${k}` as MessageKey) }))}
          onChange={(e) => onChange(switchTo(e.currentTarget.value as GateCondition["kind"]))}
        />
        {condition.kind === "running-months" && (
          <NumberInput
            label={t("criteria.gate.months")}
            value={condition.months}
            min={0}
            readOnly={readOnly}
            onChange={(v) => onChange({ ...condition, months: numberOf(v) ?? 0 })}
          />
        )}
        {condition.kind === "evidence" && (
          <NumberInput
            label={t("criteria.gate.atLeast")}
            value={condition.atLeast}
            min={1}
            readOnly={readOnly}
            onChange={(v) => onChange({ ...condition, atLeast: numberOf(v) ?? 1 })}
          />
        )}
        {condition.kind === "indicator" && (
          <>
            <NativeSelect
              label={t("criteria.rule.input")}
              value={condition.input}
              disabled={readOnly}
              data={[...(inputs.includes(condition.input) ? [] : [condition.input]), ...inputs]}
              onChange={(e) => onChange({ ...condition, input: e.currentTarget.value })}
            />
            <NativeSelect
              label={t("criteria.gate.op")}
              value={condition.op}
              disabled={readOnly}
              data={[">=", ">", "<=", "<", "==", "!="]}
              onChange={(e) => onChange({ ...condition, op: e.currentTarget.value as typeof condition.op })}
            />
            <NumberInput
              label={t("criteria.gate.value")}
              value={condition.value}
              readOnly={readOnly}
              onChange={(v) => onChange({ ...condition, value: numberOf(v) ?? 0 })}
            />
          </>
        )}
      </Group>
      {condition.kind === "formula" && (
        <FormulaEditor
          label={t("criteria.gate.expression")}
          value={condition.expression}
          readOnly={readOnly}
          problems={formulaProblems}
          names={names}
          onChange={(expression) => onChange({ ...condition, expression })}
        />
      )}
    </Stack>
  );
}
