import { IssueRoundCommendationsDocument } from "@lantoa/client";
import { CommendationSchema } from "@lantoa/domain/register";
import { Alert, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { z } from "zod";
import { graphqlMutation } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { DateField } from "../forms/date-field";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import { useConfiguration } from "../registers/use-configuration";

const tiers = ["excellent", "good", "pass"] as const;
const commendation = CommendationSchema.shape;

const issueSchema = z.object({
  tiers: z.array(z.string()).min(1),
  decisionNumber: commendation.decisionNumber,
  decisionDate: commendation.decisionDate,
  issuer: z.string().trim().min(1).max(300),
  level: commendation.levelCode,
  form: commendation.formCode,
});

/** Commends the chosen tiers of a finalized round by one decision, optionally into the golden book. */
export default function RoundCommendations({ roundId }: { roundId: string }) {
  const { t, label } = useI18n();
  const configuration = useConfiguration();
  const issue = useMutation(graphqlMutation(IssueRoundCommendationsDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: {
      tiers: ["excellent", "good"] as string[],
      decisionNumber: "",
      decisionDate: "",
      issuer: "",
      level: "district",
      form: "certificate-of-commendation",
      goldenBook: true,
    },
    schema: issueSchema,
    messages: {
      tiers: "commend.tiersRequired",
      decisionNumber: "commendations.decisionRequired",
      decisionDate: "registers.dateInvalid",
      issuer: "commendations.issuerRequired",
      level: "commendations.levelRequired",
      form: "commendations.formRequired",
    },
    confirm: (v) => ({
      title: t("confirm.commend.title", { number: v.decisionNumber.trim() }),
      consequence: t("confirm.commend.body", {
        tiers: v.tiers.map((tier) => label("tier", tier)).join(", "),
        goldenBook: v.goldenBook ? t("confirm.commend.goldenBook") : "",
      }),
      confirmLabel: t("commend.issue"),
    }),
    submit: (v, { idempotencyKey }) =>
      issue.mutateAsync({
        roundId,
        idempotencyKey,
        input: {
          tiers: v.tiers,
          decisionNumber: v.decisionNumber.trim(),
          decisionDate: v.decisionDate,
          issuer: v.issuer.trim(),
          level: v.level,
          form: v.form,
          goldenBook: v.goldenBook,
        },
      }),
  });
  const done = issue.data?.data ?? null;

  return (
    <Paper withBorder p="sm" data-testid="round-commendations" component="form" onSubmit={onSubmit} noValidate>
      <Title order={3} size="h4">
        {t("commend.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("commend.intro")}
      </Text>
      <Checkbox.Group label={t("commend.tiers")} my="xs" {...form.getInputProps("tiers")}>
        <Group>
          {tiers.map((tier) => (
            <Checkbox key={tier} value={tier} label={label("tier", tier)} />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput label={t("commend.decisionNumber")} withAsterisk {...form.getInputProps("decisionNumber")} />
        <DateField label={t("commend.decisionDate")} withAsterisk {...form.getInputProps("decisionDate")} />
        <TextInput label={t("commend.issuer")} withAsterisk {...form.getInputProps("issuer")} />
        <NativeSelect label={t("commend.level")} data={configuration.levelOptions} {...form.getInputProps("level")} />
        <NativeSelect label={t("commend.form")} data={configuration.formOptions} {...form.getInputProps("form")} />
      </SimpleGrid>
      <Checkbox mt="xs" label={t("commend.goldenBook")} {...form.getInputProps("goldenBook", { type: "checkbox" })} />
      <ProblemAlert problem={problem} />
      <Button mt="xs" type="submit" loading={form.submitting}>
        {t("commend.issue")}
      </Button>
      {done && (
        <Alert mt="xs" color="green" role="status">
          {t("commend.done", { n: done.commended ?? 0, book: done.goldenBookEntries ?? 0 })}
        </Alert>
      )}
    </Paper>
  );
}
