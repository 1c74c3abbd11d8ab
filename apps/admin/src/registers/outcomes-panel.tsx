import { isDomainError, type ModelDetailQuery, RecordIndicatorValuesDocument, request } from "@lantoa/client";
import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type FormEvent, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { failureOf, type Refusal, refusalOf } from "../mutation-errors";
import { EmptyNote } from "../query-status";
import { useSession, viewerRoles } from "../session";
import { graphqlEndpoint } from "../use-query";
import { checkOutcomeValue, isPeriod } from "./check-outcome";
import { useConfiguration } from "./use-configuration";

type ModelNode = Extract<NonNullable<ModelDetailQuery["node"]>, { __typename: "Model" }>;

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
export function OutcomesPanel({ model, reload }: { model: ModelNode; reload(): void }) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const { session } = useSession();
  const configuration = useConfiguration();
  const values = model.indicatorValues ?? [];
  const [indicator, setIndicator] = useState<string | null>(null);
  const [period, setPeriod] = useState("");
  const [value, setValue] = useState<number | string>("");
  const [errors, setErrors] = useState<{ indicator?: string; period?: string; value?: string }>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const mayRecord = viewerRoles(session).some((role) => recorderRoles.includes(role));
  const rule = configuration.indicatorRule(indicator);

  function check() {
    const found: typeof errors = {};
    if (!indicator) found.indicator = t("outcomes.indicatorRequired");
    if (!isPeriod(period.trim())) found.period = t("outcomes.periodInvalid");
    const problem = checkOutcomeValue(value, rule?.dimension);
    if (problem) found.value = t(problem);
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!check() || !indicator || typeof value !== "number" || model.version == null) return;
    setBusy(true);
    setRefusal(null);
    try {
      const { recordIndicatorValues } = await request(
        graphqlEndpoint,
        RecordIndicatorValuesDocument,
        {
          modelId: model.id,
          values: [{ indicatorCode: indicator, period: period.trim(), value }],
          expectedVersion: model.version,
        },
        { token: session?.token },
      );
      if (isDomainError(recordIndicatorValues)) {
        const stale = recordIndicatorValues.code === "DB.STALE_VERSION";
        setRefusal(
          stale
            ? { text: t("registers.staleModel"), code: recordIndicatorValues.code }
            : refusalOf(recordIndicatorValues, i18n),
        );
        if (stale) reload();
        return;
      }
      notifications.show({ color: "green", message: t("outcomes.recorded") });
      setValue("");
      reload();
    } catch (cause) {
      setRefusal(failureOf(cause, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      {values.length === 0 ? (
        <EmptyNote text={t("detail.noOutcomes")} />
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table data-testid="outcomes" striped>
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
                  <Table.Td>{v.period}</Table.Td>
                  <Table.Td ta="right">
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
          </Table>
        </Table.ScrollContainer>
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
                value={indicator}
                onChange={setIndicator}
                error={errors.indicator}
              />
              <TextInput
                label={t("detail.period")}
                description={t("outcomes.periodHint")}
                withAsterisk
                value={period}
                onChange={(e) => setPeriod(e.currentTarget.value)}
                error={errors.period}
              />
              <NumberInput
                label={rule?.symbol ? t("outcomes.valueIn", { unit: rule.symbol }) : t("detail.value")}
                withAsterisk
                value={value}
                onChange={setValue}
                decimalSeparator={i18n.locale === "vi" ? "," : "."}
                thousandSeparator={i18n.locale === "vi" ? "." : ","}
                min={0}
                error={errors.value}
              />
            </SimpleGrid>
            {refusal && (
              <Alert color="red" variant="light" role="alert" data-testid="outcome-refusal">
                {refusal.text}
                {refusal.code && (
                  <Text span c="dimmed" size="xs">
                    {" "}
                    ({refusal.code})
                  </Text>
                )}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={busy}>
                {t("outcomes.record")}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
