import { CreateRoundDocument, CriteriaSetsDocument, RoundsDocument, request, UnitTreeDocument } from "@lantoa/client";
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { Link, useLocation } from "wouter";
import { useI18n } from "../i18n/i18n";
import { failureOf, type Refusal, refusalOf } from "../mutation-errors";
import { EmptyNote, QueryStatus } from "../query-status";
import { useSession, viewerRoles } from "../session";
import { useDebouncedValue } from "../use-debounced-value";
import { graphqlEndpoint, useQuery } from "../use-query";
import { newKey } from "./round-ids";

const fields = [
  "economy",
  "culture-society",
  "defence-security",
  "party-building",
  "administrative-reform",
  "environment",
  "social-welfare",
  "education",
  "health",
] as const;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The rounds the viewer administers or reviews in, and (for admins) the form that creates one. */
export default function RoundsPage() {
  const { t, label } = useI18n();
  const { session } = useSession();
  const roles = viewerRoles(session);
  const isAdmin = roles.includes("system-admin") || roles.includes("unit-admin");
  const query = useQuery(RoundsDocument, {});
  const rounds = query.data?.rounds ?? null;

  return (
    <Stack component="section" aria-labelledby="rounds-heading" gap="md">
      <Title order={2} id="rounds-heading">
        {t("rounds.title")}
      </Title>
      <Text>{t("rounds.intro")}</Text>
      <QueryStatus state={query} reload={query.reload} />
      {rounds && rounds.length === 0 && <EmptyNote text={t("rounds.empty")} />}
      {rounds && rounds.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="rounds-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("rounds.name")}</Table.Th>
                <Table.Th>{t("rounds.organizer")}</Table.Th>
                <Table.Th>{t("rounds.period")}</Table.Th>
                <Table.Th>{t("rounds.criteria")}</Table.Th>
                <Table.Th>{t("rounds.statusHeader")}</Table.Th>
                <Table.Th ta="right">{t("rounds.progress.submitted")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rounds.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Link href={`/rounds/${encodeURIComponent(r.id)}`}>{r.name}</Link>
                    <Text size="xs" c="dimmed">
                      {r.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.organizerUnit?.name ?? "—"}</Table.Td>
                  <Table.Td>{r.period}</Table.Td>
                  <Table.Td>
                    {r.criteriaSetCode} v{r.criteriaVersion}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{label("rounds.status", r.status)}</Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    {r.progress?.reviewsSubmitted ?? 0}/{r.progress?.reviewsAssigned ?? 0}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {isAdmin && <CreateRoundForm />}
    </Stack>
  );
}

/** Name and code, the pinned published criteria version, the organizer and the scope. */
function CreateRoundForm() {
  const i18n = useI18n();
  const { t, label } = i18n;
  const { session } = useSession();
  const [, navigate] = useLocation();
  const sets = useQuery(CriteriaSetsDocument, {});
  const versions = (sets.data?.criteriaSets ?? []).flatMap((s) =>
    (s.versions ?? [])
      .filter((v) => v.status === "published")
      .map((v) => ({
        value: `${s.code}@${v.versionNumber}`,
        label: `${s.name} — ${t("criteria.versionN", { n: v.versionNumber })}`,
      })),
  );
  const [unitSearch, setUnitSearch] = useState("");
  const search = useDebouncedValue(unitSearch, 300);
  const units = useQuery(UnitTreeDocument, { first: 30, filter: search.trim() ? { search: search.trim() } : null });
  const unitOptions = (units.data?.units?.edges ?? []).map((e) => ({
    value: e.node.id,
    label: e.node.name ?? e.node.id,
  }));
  const [v, setV] = useState({
    code: "",
    name: "",
    criteria: "",
    organizer: "",
    period: String(new Date().getFullYear()),
    referenceDate: "",
    level: "",
    field: "",
    startedBy: "",
    modelCodes: "",
    reviewersPerModel: 2,
    commentsRequired: true,
  });
  const [problem, setProblem] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => newKey("round"));
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));
  const criteria = v.criteria || versions[0]?.value || "";
  const organizer = v.organizer || unitOptions[0]?.value || "";

  const create = async () => {
    setProblem(null);
    const at = criteria.lastIndexOf("@");
    if (
      !CODE.test(v.code) ||
      !v.name.trim() ||
      at < 0 ||
      !organizer ||
      !v.period.trim() ||
      !DATE.test(v.referenceDate)
    ) {
      setProblem({ text: t("rounds.create.required"), code: null });
      return;
    }
    const modelCodes = v.modelCodes
      .split(/[\s,;]+/)
      .map((c) => c.trim())
      .filter(Boolean);
    setBusy(true);
    try {
      const { createRound: r } = await request(
        graphqlEndpoint,
        CreateRoundDocument,
        {
          idempotencyKey: key,
          input: {
            code: v.code,
            name: v.name.trim(),
            criteriaSetCode: criteria.slice(0, at),
            criteriaVersion: Number(criteria.slice(at + 1)),
            organizerUnitId: organizer,
            period: v.period.trim(),
            referenceDate: v.referenceDate,
            level: v.level || null,
            field: v.field || null,
            startedBy: DATE.test(v.startedBy) ? v.startedBy : null,
            modelCodes: modelCodes.length > 0 ? modelCodes : null,
            reviewersPerModel: v.reviewersPerModel,
            commentsRequired: v.commentsRequired,
          },
        },
        { token: session?.token ?? null },
      );
      if (r?.__typename === "MutationCreateRoundSuccess" && r.data.round) {
        navigate(`/rounds/${encodeURIComponent(r.data.round.id)}`);
      } else if (r && "code" in r) setProblem(refusalOf(r, i18n));
    } catch (error) {
      setProblem(failureOf(error, i18n));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
      aria-labelledby="create-round-heading"
    >
      <Title order={3} size="h4" id="create-round-heading">
        {t("rounds.create.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t("rounds.create.intro")}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t("rounds.create.name")}
          value={v.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          withAsterisk
        />
        <TextInput
          label={t("rounds.create.code")}
          description={t("rounds.create.codeHint")}
          value={v.code}
          onChange={(e) => set({ code: e.currentTarget.value })}
          error={v.code && !CODE.test(v.code) ? t("rounds.create.codeHint") : null}
          withAsterisk
        />
        <NativeSelect
          label={t("rounds.create.criteria")}
          value={criteria}
          onChange={(e) => set({ criteria: e.currentTarget.value })}
          data={versions}
          withAsterisk
        />
        <TextInput
          label={t("rounds.period")}
          value={v.period}
          onChange={(e) => set({ period: e.currentTarget.value })}
          withAsterisk
        />
        <TextInput
          label={t("rounds.create.organizerSearch")}
          value={unitSearch}
          onChange={(e) => setUnitSearch(e.currentTarget.value)}
        />
        <NativeSelect
          label={t("rounds.organizer")}
          description={t("rounds.create.organizerHint")}
          value={organizer}
          onChange={(e) => set({ organizer: e.currentTarget.value })}
          data={unitOptions}
          withAsterisk
        />
        <TextInput
          type="date"
          label={t("rounds.create.referenceDate")}
          description={t("rounds.create.referenceDateHint")}
          value={v.referenceDate}
          onChange={(e) => set({ referenceDate: e.currentTarget.value })}
          withAsterisk
        />
        <TextInput
          type="date"
          label={t("rounds.create.startedBy")}
          value={v.startedBy}
          onChange={(e) => set({ startedBy: e.currentTarget.value })}
        />
        <NativeSelect
          label={t("rounds.create.level")}
          value={v.level}
          onChange={(e) => set({ level: e.currentTarget.value })}
          data={[
            { value: "", label: t("rounds.create.any") },
            ...["province", "district", "commune"].map((l) => ({ value: l, label: label("level", l) })),
          ]}
        />
        <NativeSelect
          label={t("rounds.create.field")}
          value={v.field}
          onChange={(e) => set({ field: e.currentTarget.value })}
          data={[
            { value: "", label: t("rounds.create.any") },
            ...fields.map((f) => ({ value: f, label: label("field", f) })),
          ]}
        />
        <NumberInput
          label={t("rounds.create.reviewersPerModel")}
          min={1}
          max={9}
          value={v.reviewersPerModel}
          onChange={(n) => set({ reviewersPerModel: typeof n === "number" ? n : 2 })}
        />
        <Checkbox
          mt="lg"
          label={t("rounds.create.commentsRequired")}
          checked={v.commentsRequired}
          onChange={(e) => set({ commentsRequired: e.currentTarget.checked })}
        />
      </SimpleGrid>
      <Textarea
        mt="xs"
        label={t("rounds.create.modelCodes")}
        description={t("rounds.create.modelCodesHint")}
        value={v.modelCodes}
        onChange={(e) => set({ modelCodes: e.currentTarget.value })}
        autosize
        minRows={2}
      />
      {problem && (
        <Alert mt="xs" color="red" role="alert">
          {problem.text}
        </Alert>
      )}
      <Button mt="sm" type="submit" loading={busy}>
        {t("rounds.create.submit")}
      </Button>
    </Paper>
  );
}
