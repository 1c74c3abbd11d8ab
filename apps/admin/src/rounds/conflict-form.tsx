import { DeclareConflictDocument } from "@lantoa/client";
import { Alert, Button, Paper, Text, Textarea, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { graphqlMutation } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";

/** A reviewer's declaration of a conflict of interest with the model, with its reason. */
export function ConflictForm({ roundId, modelId }: { roundId: string; modelId: string }) {
  const { t } = useI18n();
  const declare = useMutation(graphqlMutation(DeclareConflictDocument));
  const [done, setDone] = useState(false);
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { reason: "" },
    schema: z.object({ reason: z.string().trim().min(1).max(2000) }),
    messages: { reason: "scorecard.conflictReasonNeeded" },
    submit: ({ reason }) => declare.mutateAsync({ roundId, modelId, reason: reason.trim() }),
    onSuccess: () => setDone(true),
  });
  return (
    <Paper withBorder p="sm" component="form" onSubmit={onSubmit} noValidate aria-labelledby="conflict-heading">
      <Title order={3} size="h5" id="conflict-heading">
        {t("scorecard.conflict")}
      </Title>
      <Text size="sm">{t("scorecard.conflictHelp")}</Text>
      <Textarea
        label={t("scorecard.conflictReason")}
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps("reason")}
      />
      <ProblemAlert problem={problem} />
      {done && (
        <Alert mt="xs" color="green" role="status">
          {t("scorecard.conflictDeclared")}
        </Alert>
      )}
      <Button mt="xs" type="submit" color="orange" variant="light" loading={form.submitting}>
        {t("scorecard.declareConflict")}
      </Button>
    </Paper>
  );
}
