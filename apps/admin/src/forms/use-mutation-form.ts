import { type FormErrors, useForm } from "@mantine/form";
import { useId, useRef, useState } from "react";
import type { z } from "zod";
import { DomainRefusal } from "../data/graphql";
import { type Problem, problemOf } from "../errors/problem-of";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages-vi";
import { type ConfirmRequest, useConfirmIfProvided } from "../layout/confirm";

/** Options of {@link useMutationForm}. */
export interface MutationFormOptions<Values extends Record<string, unknown>, Data> {
  initialValues: Values;
  /**
   * The rules, as a zod schema over the values. Built from the domain's schemas that the API
   * parses with (`UnitSchema.shape.name`…), so a rule exists once.
   */
  schema?: z.ZodType;
  /** The sentence shown beside a field the schema refuses (by the field's path). */
  messages?: Partial<Record<string, MessageKey>>;
  /** Rules across fields the schema does not say, as a message per field (or none). */
  check?: (values: Values) => Partial<Record<string, MessageKey | null | undefined>>;
  /** Sends the values: resolves with the mutation's data, or throws a refusal or a failed request. */
  submit: (values: Values, extra: { idempotencyKey: string }) => Promise<Data>;
  /** Refusal codes that belong to one field: shown beside it rather than above the buttons. */
  fieldOf?: Partial<Record<string, string>>;
  onSuccess?: (data: Data, values: Values) => void;
  /** Runs after any refusal or failure (e.g. re-read a record that changed meanwhile). */
  onRefused?: (problem: Problem) => void;
  /**
   * For an irreversible step: what to ask before sending valid values (the shared
   * confirmation dialog); nothing is sent when the user cancels.
   */
  confirm?: (values: Values) => ConfirmRequest;
}

const focusable = "input:not([type=hidden]), select, textarea, button, [tabindex]";

/**
 * The one form pattern of the app, on `@mantine/form`: values, validation (a zod schema and
 * cross-field rules) with a sentence beside each field, submit state, refusals from the API in
 * words (mapped to their field when they belong to one), and the focus moved to the first
 * field in error, or to the refusal, after a failed submit. Each distinct set of values sent
 * gets one idempotency key, so resending the same values after a lost answer never creates twice.
 *
 * @example
 * const create = useMutation(graphqlMutation(CreateUnitDocument));
 * const { form, onSubmit, problem } = useMutationForm({
 *   initialValues: { code: "", name: "" },
 *   schema: z.object({ code: UnitSchema.shape.code, name: UnitSchema.shape.name }),
 *   messages: { code: "units.codeInvalid", name: "units.nameRequired" },
 *   submit: (values) => create.mutateAsync({ parentId, ...values }),
 *   fieldOf: { "ORG.DUPLICATE_CODE": "code" },
 * });
 */
export function useMutationForm<Values extends Record<string, unknown>, Data>(
  options: MutationFormOptions<Values, Data>,
) {
  const { t, locale } = useI18n();
  // Mantine names a form's inputs `data-path="<name>-<field>"`; a name takes letters, digits and dashes.
  const name = `form-${useId().replace(/[^A-Za-z0-9]/g, "")}`;
  const [problem, setProblem] = useState<Problem | null>(null);
  const attempt = useRef<{ values: string; key: string } | null>(null);
  const ask = useConfirmIfProvided();

  const validate = (values: Values): FormErrors => {
    const errors: FormErrors = {};
    const parsed = options.schema?.safeParse(values);
    if (parsed && !parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join(".");
        const field = options.messages?.[path] !== undefined ? path : String(issue.path[0] ?? "");
        if (errors[field]) continue;
        const key = options.messages?.[field];
        errors[field] = key ? t(key) : t("form.invalid");
      }
    }
    for (const [field, key] of Object.entries(options.check?.(values) ?? {})) {
      if (key && !errors[field]) errors[field] = t(key);
    }
    return errors;
  };

  const form = useForm<Values>({ name, mode: "controlled", initialValues: options.initialValues, validate });

  const focusField = (path: string) => {
    const node = form.getInputNode(path) as HTMLElement | null;
    const target = node?.matches(focusable) ? node : node?.querySelector<HTMLElement>(focusable);
    target?.focus();
  };

  /** The first field in error in the order the form shows them. */
  const focusFirstError = (errors: FormErrors) => {
    const paths = Object.keys(errors).filter((path) => errors[path]);
    const nodes = paths
      .map((path) => ({ path, node: form.getInputNode(path) as HTMLElement | null }))
      .filter((entry): entry is { path: string; node: HTMLElement } => entry.node !== null);
    nodes.sort((a, b) => (a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const first = nodes[0]?.path ?? paths[0];
    if (first) focusField(first);
  };

  const onSubmit = form.onSubmit(
    async (values) => {
      setProblem(null);
      if (options.confirm && ask && !(await ask(options.confirm(values)))) return;
      const serialized = JSON.stringify(values);
      if (attempt.current?.values !== serialized) attempt.current = { values: serialized, key: crypto.randomUUID() };
      try {
        const data = await options.submit(values, { idempotencyKey: attempt.current.key });
        attempt.current = null;
        options.onSuccess?.(data, values);
      } catch (error) {
        const found = problemOf(error, locale);
        const field = error instanceof DomainRefusal ? options.fieldOf?.[error.code] : undefined;
        if (field) {
          form.setFieldError(field, found.detail ?? found.sentence);
          focusField(field);
        } else setProblem(found);
        options.onRefused?.(found);
      }
    },
    (errors) => focusFirstError(errors),
  );

  return { form, onSubmit, problem, setProblem, submitting: form.submitting };
}
