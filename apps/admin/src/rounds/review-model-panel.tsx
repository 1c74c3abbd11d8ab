import type { ReviewWorkspaceModelQuery, ScorecardsQuery } from "@lantoa/client";
import { Anchor, Badge, Button, Group, Image, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { ListTable } from "../layout/list-table";
import { EmptyNote } from "../query-status";
import { useConfiguration } from "../registers/use-configuration";
import type { RatedCriterion } from "./round-criteria";

export type WorkspaceModel = Extract<NonNullable<ReviewWorkspaceModelQuery["node"]>, { __typename: "Model" }>;
type Evidence = NonNullable<WorkspaceModel["evidence"]>[number];
type SelfAssessment = NonNullable<NonNullable<ScorecardsQuery["scorecards"]>["selfAssessment"]>;

/** "3 km", but "95%": the percent sign is written attached. */
function withSymbol(number: string, symbol: string): string {
  if (!symbol) return number;
  return symbol === "%" ? `${number}%` : `${number} ${symbol}`;
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title} data-testid={testId}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * What a reviewer reads beside the scorecard: the model's facts, description and targets, its
 * outcomes by period, the evidence (images inline, PDFs previewed on demand, every file to
 * download), its replication, and the unit's self-assessment once submitted.
 */
export function ReviewModelPanel({
  model,
  selfAssessment,
  criteria,
}: {
  model: WorkspaceModel;
  selfAssessment: SelfAssessment | null;
  criteria: readonly RatedCriterion[];
}) {
  const { t, formatDate, formatNumber, formatPeriod } = useI18n();
  const configuration = useConfiguration();
  const evidence = model.evidence ?? [];
  const targets = model.targets ?? [];
  const outcomes = model.indicatorValues ?? [];
  const quantity = (value: number | null | undefined, unitCode: string | null | undefined) =>
    value == null
      ? "—"
      : withSymbol(formatNumber(value, { maximumFractionDigits: 2 }), configuration.uomSymbol(unitCode));

  return (
    <Stack gap="sm" data-testid="review-model">
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Fact label={t("detail.owner")}>{model.ownerUnit?.name ?? "—"}</Fact>
          <Fact label={t("review.code")}>{model.code}</Fact>
          <Fact label={t("detail.fields")}>
            {(model.fields ?? []).map((code) => configuration.fieldLabel(code)).join("; ") || "—"}
          </Fact>
          <Fact label={t("detail.startDate")}>{model.startDate ? formatDate(model.startDate) : "—"}</Fact>
          {model.personName && <Fact label={t("review.person")}>{model.personName}</Fact>}
          {model.annualTheme && <Fact label={t("detail.theme")}>{model.annualTheme}</Fact>}
        </SimpleGrid>
      </Paper>

      <Section title={t("review.description")} testId="review-description">
        <Stack gap="xs">
          <div>
            <Text fw={600} size="sm">
              {t("detail.problem")}
            </Text>
            <Text style={{ whiteSpace: "pre-wrap" }}>{model.problem || "—"}</Text>
          </div>
          <div>
            <Text fw={600} size="sm">
              {t("detail.solution")}
            </Text>
            <Text style={{ whiteSpace: "pre-wrap" }}>{model.solution || "—"}</Text>
          </div>
          <div>
            <Text fw={600} size="sm">
              {t("review.targets")}
            </Text>
            {targets.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t("review.noTargets")}
              </Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
                {targets.map((target) => (
                  <li key={target.indicatorCode}>
                    {configuration.indicatorLabel(target.indicatorCode)}:{" "}
                    {quantity(target.targetValue, target.unitCode)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Stack>
      </Section>

      <Section title={t("review.outcomes")} testId="review-outcomes">
        {outcomes.length === 0 ? (
          <EmptyNote text={t("detail.noOutcomes")} />
        ) : (
          <ListTable highlightOnHover={false}>
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
              {outcomes.map((v) => (
                <Table.Tr key={`${v.indicatorCode}-${v.period}`}>
                  <Table.Td>{configuration.indicatorLabel(v.indicatorCode)}</Table.Td>
                  <Table.Td data-label={t("detail.period")}>{v.period ? formatPeriod(v.period) : "—"}</Table.Td>
                  <Table.Td ta="right" data-label={t("detail.value")}>
                    {quantity(v.value, v.unitCode)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ListTable>
        )}
      </Section>

      <Section title={t("review.evidence", { count: evidence.length })} testId="review-evidence">
        {evidence.length === 0 ? (
          <EmptyNote text={t("review.evidenceEmpty")} />
        ) : (
          <Stack gap="sm">
            {evidence.map((item) => (
              <EvidenceItem key={item.id} item={item} />
            ))}
          </Stack>
        )}
      </Section>

      <Section title={t("review.replication")} testId="review-replication">
        <Stack gap={4}>
          {model.origin && (
            <Text size="sm">
              {t("review.replicates", { name: model.origin.name ?? "", unit: model.origin.ownerUnit?.name ?? "" })}
            </Text>
          )}
          {(model.replications ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("review.notReplicated")}
            </Text>
          ) : (
            <>
              <Text size="sm">{t("review.replicatedBy", { count: (model.replications ?? []).length })}</Text>
              <ul style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
                {(model.replications ?? []).map((r) => (
                  <li key={r.code}>
                    <Text size="sm" span>
                      {r.name} · {r.ownerUnit?.name}
                      {r.adoptedOn ? ` · ${formatDate(r.adoptedOn)}` : ""}
                    </Text>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Stack>
      </Section>

      <Section title={t("review.selfAssessment")} testId="review-self-assessment">
        {selfAssessment ? (
          <Stack gap={4}>
            {selfAssessment.submittedAt && (
              <Text size="xs" c="dimmed">
                {t("review.selfSubmittedAt", { at: formatDate(selfAssessment.submittedAt, true) })}
              </Text>
            )}
            <ListTable highlightOnHover={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("scorecard.criterion")}</Table.Th>
                  <Table.Th scope="col">{t("detail.value")}</Table.Th>
                  <Table.Th scope="col">{t("review.selfComment")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {criteria.map((c) => {
                  const r = selfAssessment.ratings?.find((x) => x.criterionId === c.id);
                  return (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Text fw={600} inherit>
                          {c.label}
                        </Text>
                      </Table.Td>
                      <Table.Td data-label={t("detail.value")}>
                        {typeof r?.value === "number" ? `${formatNumber(r.value)}/${formatNumber(c.max)}` : "—"}
                      </Table.Td>
                      <Table.Td data-label={t("review.selfComment")}>{r?.comment ?? "—"}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </ListTable>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t("review.selfAssessmentNone")}
          </Text>
        )}
      </Section>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** One evidence: an image shown inline, a PDF in a frame when asked for, and always a download. */
function EvidenceItem({ item }: { item: Evidence }) {
  const { t, label, formatBytes } = useI18n();
  const [previewing, setPreviewing] = useState(false);
  const href = item.downloadUrl ?? item.uri;
  const image = !!href && !!item.mimeType?.startsWith("image/");
  const pdf = !!item.downloadUrl && item.mimeType === "application/pdf";
  return (
    <Paper withBorder p="xs" data-testid="review-evidence-item">
      {image && href && (
        <Image src={href} alt={item.title ?? ""} mah={240} fit="contain" radius="sm" mb="xs" loading="lazy" />
      )}
      <Group justify="space-between" gap="xs" wrap="wrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: "anywhere" }}>
            {item.title}
          </Text>
          <Text size="xs" c="dimmed">
            {label("evidenceKind", item.kind)} · {item.mimeType ?? "—"}
            {item.sizeBytes == null ? "" : ` · ${formatBytes(item.sizeBytes)}`}
          </Text>
        </div>
        <Group gap="xs">
          {pdf && (
            <Button size="compact-sm" variant="default" onClick={() => setPreviewing((p) => !p)}>
              {previewing ? t("review.evidenceHide") : t("review.evidencePreview")}
            </Button>
          )}
          {item.downloadUrl ? (
            <Anchor href={item.downloadUrl} download size="sm">
              {t("review.evidenceDownload")}
            </Anchor>
          ) : item.uri ? (
            <Anchor href={item.uri} target="_blank" rel="noopener noreferrer" size="sm">
              {t("review.evidenceLink")}
            </Anchor>
          ) : (
            <Badge variant="light" color="gray">
              {t("detail.evidenceStored")}
            </Badge>
          )}
        </Group>
      </Group>
      {pdf && previewing && item.downloadUrl && (
        <iframe
          src={item.downloadUrl}
          title={t("review.evidenceFrame", { title: item.title ?? "" })}
          style={{ width: "100%", height: "60vh", border: 0, marginTop: 8 }}
        />
      )}
    </Paper>
  );
}
