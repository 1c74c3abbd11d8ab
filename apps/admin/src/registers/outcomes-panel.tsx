import { RecordIndicatorValuesDocument } from "@lantoa/client";
import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { graphqlMutation } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import { ListTable } from "../layout/list-table";
import type { ModelNode } from "../model-detail-page";
import { EmptyNote } from "../query-status";
import { useSession, viewerRoles } from "../session";
import { checkOutcomeValue, isPeriod } from "./check-outcome";
import { useConfiguration } from "./use-configuration";

/** "1.200 người", but "95%": the percent sign is written attached, as the domain's units of measure say. */
function withSymbol(number: string, symbol: string): string {
  if (!symbol) return number;
  return symbol === "%" ? `${number}%` : `${number} ${symbol}`;
}

const recorderRoles = ["system-admin", "unit-admin", "unit-officer"];

/**
 * A model's outcomes per indicator and period, formatted for the locale with their unit of
 * measure, and a form where an officer records (or corrects) one value.
 */
export function OutcomesPanel({ model }: { model: ModelNode }) {
  const { t, locale, formatNumber, formatPeriod } = useI18n();
  const { session } = useSession();
  const configuration = useConfiguration();
  const values = model.indicatorValues ?? [];
  const record = useMutation(graphqlMutation(RecordIndicatorValuesDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { indicator: null as string | null, period: "", value: "" as number | string },
    check: (v) => ({
      indicator: v.indicator ? null : "outcomes.indicatorRequired",
      period: isPeriod(v.period.trim()) ? null : "outcomes.periodInvalid",
      value: checkOutcomeValue(v.value, configuration.indicatorRule(v.indicator)?.dimension),
    }),
    submit: (v) =>
      record.mutateAsync({
        modelId: model.id,
        values: [{ indicatorCode: v.indicator ?? "", period: v.period.trim(), value: Number(v.value) }],
        expectedVersion: model.version ?? 0,
      }),
    onSuccess: () => {
      notifications.show({ color: "green", message: t("outcomes.recorded") });
      form.setFieldValue("value", "");
    },
  });
  const mayRecord = viewerRoles(session).some((role) => recorderRoles.includes(role));
  const rule = configuration.indicatorRule(form.values.indicator);

  return (
    <Stack gap="md">
      {values.length === 0 ? (
        <EmptyNote text={t("detail.noOutcomes")} />
      ) : (
        <ListTable minWidth={420} data-testid="outcomes" highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("detail.indicator")}</Table.Th>
              <Table.Th scope="col">{t("detail.period")}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t("detail.value")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {values.map((v) => (
              <Table.Tr key={`${v.indicatorCode}-${v.period}`} data-testid="outcome-row">
                <Table.Td>{configuration.indicatorLabel(v.indicatorCode)}</Table.Td>
                <Table.Td data-label={t("detail.period")}>{v.period ? formatPeriod(v.period) : "—"}</Table.Td>
                <Table.Td ta="right" data-label={t("detail.value")}>
                  {v.value == null
                    ? "—"
                    : withSymbol(
                        formatNumber(v.value, { maximumFractionDigits: 2 }),
                        configuration.uomSymbol(v.unitCode),
                      )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      )}
      {mayRecord && (
        <Card withBorder component="form" onSubmit={onSubmit} noValidate aria-label={t("outcomes.formTitle")}>
          <Stack gap="sm">
            <Text fw={600}>{t("outcomes.formTitle")}</Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t("detail.indicator")}
                withAsterisk
                searchable
                data={configuration.indicatorOptions}
                {...form.getInputProps("indicator")}
              />
              <TextInput
                label={t("detail.period")}
                description={t("outcomes.periodHint")}
                withAsterisk
                {...form.getInputProps("period")}
              />
              <NumberInput
                label={rule?.symbol ? t("outcomes.valueIn", { unit: rule.symbol }) : t("detail.value")}
                withAsterisk
                decimalSeparator={locale === "vi" ? "," : "."}
                thousandSeparator={locale === "vi" ? "." : ","}
                min={0}
                {...form.getInputProps("value")}
              />
            </SimpleGrid>
            <ProblemAlert problem={problem} testId="outcome-refusal" />
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                {t("outcomes.record")}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
