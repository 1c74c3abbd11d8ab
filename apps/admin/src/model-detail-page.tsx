import {
  AddEvidenceDocument,
  ModelDetailDocument,
  type ModelDetailQuery,
  ReplicationSpreadDocument,
} from "@lantoa/client";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Input,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useId, useMemo, useState } from "react";
import { Link } from "wouter";
import { z } from "zod";
import { graphqlQuery } from "./data/graphql";
import { uploadMutation } from "./data/upload-with-progress";
import { ProblemAlert } from "./errors/problem-alert";
import { useMutationForm } from "./forms/use-mutation-form";
import { useI18n } from "./i18n/i18n";
import { ListTable } from "./layout/list-table";
import { EmptyNote, QueryStatus } from "./query-status";
import { ModelActions } from "./registers/model-actions";
import { OutcomesPanel } from "./registers/outcomes-panel";
import { ReplicationsPanel } from "./registers/replications-panel";
import { useConfiguration } from "./registers/use-configuration";
import { useSession, viewerRoles } from "./session";
import { EvidencePublicSwitch, ModelPublicSwitch } from "./spreading/public-switches";
import { statusColor } from "./status-colors";
import { acceptableEvidence } from "./upload-evidence";

export type ModelNode = Extract<NonNullable<ModelDetailQuery["node"]>, { __typename: "Model" }>;

const evidenceRoles = ["system-admin", "unit-admin", "unit-officer"];

/** One model: what it is, its outcomes, evidence, history, commendations and spread, and the actions the viewer may take. */
export default function ModelDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useQuery(graphqlQuery(ModelDetailDocument, { id }));
  const node = query.data?.node;
  const model = node?.__typename === "Model" ? node : null;

  return (
    <Stack component="section" aria-labelledby="model-heading" gap="md">
      <Anchor component={Link} href="/models">
        {t("detail.back")}
      </Anchor>
      {!model && <QueryStatus query={query} lines={8} />}
      {query.isSuccess && !model && (
        <Alert color="red" variant="light">
          {t("detail.notFound")}
        </Alert>
      )}
      {model && <ModelView model={model} />}
    </Stack>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div data-testid={testId}>{children}</div>
    </div>
  );
}

function ModelView({ model }: { model: ModelNode }) {
  const { t, label, formatCount, formatDate, formatPoints } = useI18n();
  const configuration = useConfiguration();
  const evidence = model.evidence ?? [];
  const commendations = model.commendations ?? [];
  return (
    <>
      <Group gap="sm" align="center">
        <Title order={2} id="model-heading">
          {model.name}
        </Title>
        {model.isPilot && (
          <Badge variant="light" color="grape">
            {t("detail.pilot")}
          </Badge>
        )}
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <Fact label={t("detail.owner")}>{model.ownerUnit?.name}</Fact>
          <Fact label={t("detail.fields")}>
            {(model.fields ?? []).map((code) => configuration.fieldLabel(code)).join("; ")}
          </Fact>
          <Fact label={t("detail.status")}>
            <Badge
              data-testid="model-status"
              variant="light"
              size="lg"
              color={statusColor[model.status ?? ""] ?? "gray"}
            >
              {label("status", model.status)}
            </Badge>
          </Fact>
          <Fact label={t("detail.startDate")}>{model.startDate ? formatDate(model.startDate) : "—"}</Fact>
          {model.annualTheme && <Fact label={t("detail.theme")}>{model.annualTheme}</Fact>}
          <Fact label={t("models.code")}>{model.code}</Fact>
        </SimpleGrid>
        {model.latestResult && (
          <Text mt="md">
            <Text span fw={600}>
              {t("detail.result")}:{" "}
            </Text>
            {t("detail.resultLine", {
              round: model.latestResult.roundName ?? model.latestResult.roundCode ?? "",
              rank: model.latestResult.rank ?? "—",
              total: model.latestResult.total == null ? "—" : formatPoints(model.latestResult.total),
              max: model.latestResult.max == null ? "—" : formatPoints(model.latestResult.max),
              tier: label("tier", model.latestResult.tier),
            })}
          </Text>
        )}
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <div>
          <Title order={3} size="h4">
            {t("detail.problem")}
          </Title>
          <Text style={{ whiteSpace: "pre-wrap" }}>{model.problem || "—"}</Text>
        </div>
        <div>
          <Title order={3} size="h4">
            {t("detail.solution")}
          </Title>
          <Text style={{ whiteSpace: "pre-wrap" }}>{model.solution || "—"}</Text>
        </div>
      </SimpleGrid>

      <ModelActions model={model} />
      <ModelPublicSwitch model={model} />

      <Tabs defaultValue="outcomes" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="outcomes">{t("detail.tabOutcomes")}</Tabs.Tab>
          <Tabs.Tab value="evidence">{t("detail.tabEvidence", { count: formatCount(evidence.length) })}</Tabs.Tab>
          <Tabs.Tab value="history">{t("detail.history")}</Tabs.Tab>
          <Tabs.Tab value="commendations">
            {t("detail.tabCommendations", { count: formatCount(commendations.length) })}
          </Tabs.Tab>
          <Tabs.Tab value="replication">{t("detail.tabReplication")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="outcomes" pt="sm">
          <OutcomesPanel model={model} />
        </Tabs.Panel>
        <Tabs.Panel value="evidence" pt="sm">
          <EvidencePanel model={model} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          <History model={model} />
        </Tabs.Panel>
        <Tabs.Panel value="commendations" pt="sm">
          <Commendations model={model} />
        </Tabs.Panel>
        <Tabs.Panel value="replication" pt="sm">
          <Stack gap="md">
            <ReplicationsPanel model={model} />
            <Replication model={model} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function History({ model }: { model: ModelNode }) {
  const { t, label, formatDate } = useI18n();
  return (
    <ListTable minWidth={640} data-testid="status-history" highlightOnHover={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("detail.historyAt")}</Table.Th>
          <Table.Th scope="col">{t("detail.historyAction")}</Table.Th>
          <Table.Th scope="col">{t("detail.status")}</Table.Th>
          <Table.Th scope="col">{t("detail.historyBy")}</Table.Th>
          <Table.Th scope="col">{t("detail.historyReason")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(model.statusHistory ?? []).map((change) => (
          <Table.Tr key={`${change.at}-${change.command}-${change.to}`}>
            <Table.Td data-label={t("detail.historyAt")}>{change.at ? formatDate(change.at, true) : "—"}</Table.Td>
            <Table.Td data-label={t("detail.historyAction")}>{label("action", change.command)}</Table.Td>
            <Table.Td data-label={t("detail.status")}>
              {change.from ? `${label("status", change.from)} → ` : ""}
              {label("status", change.to)}
            </Table.Td>
            <Table.Td data-label={t("detail.historyBy")}>{change.by}</Table.Td>
            <Table.Td data-label={t("detail.historyReason")}>{change.reason}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ListTable>
  );
}

/** The model's evidence, previewed (images inline, other files linked), and an upload form with progress. */
function EvidencePanel({ model }: { model: ModelNode }) {
  const { t, label, formatBytes } = useI18n();
  const { session } = useSession();
  const fileId = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [formKey, setFormKey] = useState(0);
  const upload = useMutation(uploadMutation(AddEvidenceDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { title: "", file: null as File | null },
    schema: z.object({ title: z.string().trim().min(1).max(300) }),
    messages: { title: "detail.evidenceTitleRequired" },
    check: ({ file }) => ({
      file: !file ? "detail.evidenceFileRequired" : acceptableEvidence(file) ? null : "detail.evidenceNotAccepted",
    }),
    submit: async ({ title, file }) => {
      setProgress(0);
      try {
        return await upload.mutateAsync({
          variables: { modelId: model.id, title: title.trim(), expectedVersion: model.version ?? 0 },
          file: file as File,
          token: session?.token ?? null,
          onProgress: (sent, total) => setProgress(total > 0 ? sent / total : 0),
        });
      } finally {
        setProgress(null);
      }
    },
    onSuccess: (_data, { title }) => {
      notifications.show({ color: "green", message: t("detail.uploaded", { title: title.trim() }) });
      form.reset();
      setFormKey((k) => k + 1);
    },
  });
  const file = form.values.file;
  // The chosen file, previewed before it is sent: an image inline, a PDF in a new tab.
  const previewUrl = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(
    () => () => {
      if (previewUrl) URL.revokeObjectURL(previewUrl);
    },
    [previewUrl],
  );
  const evidence = model.evidence ?? [];
  const mayUpload = viewerRoles(session).some((role) => evidenceRoles.includes(role));
  const { value: _value, onChange: _onChange, error: fileError, ...fileProps } = form.getInputProps("file");
  const percent = progress === null ? null : Math.round(progress * 100);

  return (
    <Stack gap="md">
      {evidence.length === 0 ? (
        <EmptyNote text={t("detail.evidenceEmpty")} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {evidence.map((item) => {
            // An uploaded file has a signed address; a link-only evidence its own.
            const href = item.downloadUrl ?? item.uri;
            return (
              <Card key={item.id} withBorder padding="sm" data-testid="evidence-item">
                {href && item.mimeType?.startsWith("image/") && (
                  <Card.Section mb="xs">
                    <Image src={href} alt={item.title ?? ""} h={140} fit="cover" />
                  </Card.Section>
                )}
                <Text fw={600}>{item.title}</Text>
                <Text size="xs" c="dimmed">
                  {label("evidenceKind", item.kind)} · {item.mimeType ?? "—"} ·{" "}
                  {item.sizeBytes == null ? "—" : formatBytes(item.sizeBytes)}
                </Text>
                {item.id && <EvidencePublicSwitch id={item.id} title={item.title ?? ""} isPublic={!!item.isPublic} />}
                {href ? (
                  <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
                    {t("detail.evidenceOpen")}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("detail.evidenceStored")}
                  </Text>
                )}
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      {mayUpload && (
        <Card withBorder component="form" onSubmit={onSubmit} noValidate key={formKey}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t("detail.evidenceTitle")} withAsterisk {...form.getInputProps("title")} />
              <Input.Wrapper
                label={t("detail.evidenceFile")}
                description={t("detail.evidenceHint")}
                error={fileError}
                withAsterisk
                id={fileId}
              >
                <input
                  {...fileProps}
                  id={fileId}
                  type="file"
                  accept=".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx"
                  aria-invalid={fileError ? true : undefined}
                  onChange={(e) => form.setFieldValue("file", e.currentTarget.files?.[0] ?? null)}
                  style={{ display: "block", marginTop: 4, maxWidth: "100%" }}
                />
              </Input.Wrapper>
            </SimpleGrid>
            {file && previewUrl && file.type.startsWith("image/") && (
              <Image
                src={previewUrl}
                alt={t("detail.previewImage", { name: file.name })}
                h={120}
                w="auto"
                fit="contain"
                data-testid="evidence-preview"
              />
            )}
            {file && previewUrl && file.type === "application/pdf" && (
              <Anchor href={previewUrl} target="_blank" rel="noopener" size="sm" data-testid="evidence-preview">
                {t("detail.previewPdf")}
              </Anchor>
            )}
            {percent !== null && (
              <Stack gap={4}>
                <Progress value={percent} aria-label={t("detail.uploading", { percent })} animated />
                <Text size="xs" role="status">
                  {t("detail.uploading", { percent })}
                </Text>
              </Stack>
            )}
            <ProblemAlert problem={problem} testId="upload-refusal" />
            <Group justify="flex-end">
              <Button type="submit" loading={form.submitting}>
                {t("detail.upload")}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

function Commendations({ model }: { model: ModelNode }) {
  const { t, formatDate } = useI18n();
  const configuration = useConfiguration();
  const rows = model.commendations ?? [];
  if (rows.length === 0) return <EmptyNote text={t("detail.commendationsEmpty")} />;
  return (
    <ListTable minWidth={640} data-testid="commendations" highlightOnHover={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("detail.commendationForm")}</Table.Th>
          <Table.Th scope="col">{t("detail.commendationLevel")}</Table.Th>
          <Table.Th scope="col">{t("detail.commendationIssuer")}</Table.Th>
          <Table.Th scope="col">{t("detail.commendationDecision")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the API gives these rows no id, and the list is only ever re-read whole, never reordered in place.
          <Table.Tr key={`${c.decisionNumber}-${index}`}>
            <Table.Td>
              <div>
                <Text fw={600} inherit>
                  {configuration.formLabel(c.form)}
                </Text>
                {c.revokedOn && (
                  <Text size="xs" c="red.9">
                    {t("detail.commendationRevoked", { date: formatDate(c.revokedOn), reason: c.revokedReason ?? "" })}
                  </Text>
                )}
              </div>
            </Table.Td>
            <Table.Td data-label={t("detail.commendationLevel")}>{configuration.levelLabel(c.level)}</Table.Td>
            <Table.Td data-label={t("detail.commendationIssuer")}>{c.issuer}</Table.Td>
            <Table.Td data-label={t("detail.commendationDecision")}>
              {c.decisionNumber}
              {c.decisionDate && ` · ${formatDate(c.decisionDate)}`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ListTable>
  );
}

/** How far this model spread, from the replication report. */
function Replication({ model }: { model: ModelNode }) {
  const { t, formatCount, formatPercent } = useI18n();
  const configuration = useConfiguration();
  const query = useQuery(graphqlQuery(ReplicationSpreadDocument, { filter: null, originModelId: model.id, limit: 1 }));
  if (!query.data) return <QueryStatus query={query} />;
  const spread = query.data.replicationSpread?.[0];
  if (!spread) return <EmptyNote text={t("detail.replicationEmpty")} />;
  return (
    <Stack gap="xs" data-testid="replication">
      <Text>
        {t("detail.replicationLine", {
          adopters: formatCount(spread.adoptingUnits ?? 0),
          eligible: formatCount(spread.eligibleUnits ?? 0),
          coverage: formatPercent(spread.coverage ?? 0),
          depth: formatCount(spread.depth ?? 0),
        })}
      </Text>
      <Group gap="xs">
        {(spread.levelsReached ?? []).map((code) => (
          <Badge key={code} variant="outline">
            {configuration.levelLabel(code)}
          </Badge>
        ))}
        {(spread.fieldsReached ?? []).map((code) => (
          <Badge key={code} variant="light">
            {configuration.fieldLabel(code)}
          </Badge>
        ))}
      </Group>
      {spread.medianAdoptionDays != null && (
        <Text size="sm" c="dimmed">
          {t("dashboard.medianDays")}: {t("dashboard.days", { count: formatCount(spread.medianAdoptionDays) })}
        </Text>
      )}
    </Stack>
  );
}
