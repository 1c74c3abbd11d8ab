import { CreateCriteriaSetDocument, CriteriaSetsDocument, NewCriteriaDraftDocument } from "@lantoa/client";
import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useLocation } from "wouter";
import { z } from "zod";
import { graphqlMutation, graphqlQuery } from "../data/graphql";
import { ProblemAlert } from "../errors/problem-alert";
import { useMutationForm } from "../forms/use-mutation-form";
import { useI18n } from "../i18n/i18n";
import { ListTable } from "../layout/list-table";
import { EmptyNote, QueryStatus } from "../query-status";
import { useSession, viewerRoles } from "../session";

const newKey = () => `criteria-${crypto.randomUUID()}`;

/** The gateway's rule for a criteria-set code. */
const createSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
  name: z.string().trim().min(1).max(300),
  startFrom: z.enum(["DEFAULT", "BLANK"]),
});

/** The criteria sets and their versions; system admins create sets and start drafts here. */
export default function CriteriaSetsPage() {
  const { t, formatDate } = useI18n();
  const { session } = useSession();
  const [, navigate] = useLocation();
  const isAdmin = viewerRoles(session).includes("system-admin");
  const query = useQuery(graphqlQuery(CriteriaSetsDocument, {}));
  const newDraft = useMutation(graphqlMutation(NewCriteriaDraftDocument));

  const sets = query.data?.criteriaSets ?? null;
  return (
    <Stack gap="md" component="section" aria-labelledby="criteria-heading">
      <Title order={2} id="criteria-heading">
        {t("criteria.title")}
      </Title>
      <Text c="dimmed">{t(isAdmin ? "criteria.intro" : "criteria.introViewer")}</Text>
      <ProblemAlert error={newDraft.error} />
      {isAdmin && <CreateSetForm />}
      <QueryStatus query={query} />
      {sets && sets.length === 0 && <EmptyNote text={t("criteria.empty")} />}
      {sets?.map((set) => {
        const hasDraft = set.versions.some((v) => v.status === "draft");
        const latestPublished = set.versions.find((v) => v.status === "published");
        return (
          <Paper key={set.id} withBorder p="sm" data-testid={`criteria-set-${set.code}`}>
            <Group justify="space-between" mb="xs">
              <Title order={3}>
                {set.name}{" "}
                <Text span c="dimmed" size="sm">
                  ({set.code})
                </Text>
              </Title>
              <Group gap="xs">
                {set.versions.filter((v) => v.status === "published").length >= 2 && (
                  <Button
                    component={Link}
                    variant="default"
                    size="compact-sm"
                    href={`/criteria/compare?set=${encodeURIComponent(set.code)}`}
                  >
                    {t("criteria.compare")}
                  </Button>
                )}
                {isAdmin && latestPublished && !hasDraft && (
                  <Button
                    size="compact-sm"
                    loading={newDraft.isPending && newDraft.variables?.fromVersionId === latestPublished.id}
                    onClick={() =>
                      newDraft.mutate(
                        { fromVersionId: latestPublished.id, idempotencyKey: newKey() },
                        {
                          onSuccess: ({ data }) =>
                            navigate(`/criteria/versions/${encodeURIComponent(data.version.id)}`),
                        },
                      )
                    }
                  >
                    {t("criteria.newDraft")}
                  </Button>
                )}
              </Group>
            </Group>
            <ListTable withTableBorder striped={false} highlightOnHover={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("criteria.version")}</Table.Th>
                  <Table.Th scope="col">{t("criteria.status")}</Table.Th>
                  <Table.Th scope="col">{t("criteria.publishedAt")}</Table.Th>
                  <Table.Th scope="col">{t("criteria.contentHash")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {set.versions.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>
                      <Anchor component={Link} href={`/criteria/versions/${encodeURIComponent(v.id)}`}>
                        {t(v.status === "draft" && isAdmin ? "criteria.editVersion" : "criteria.viewVersion", {
                          n: v.versionNumber,
                        })}
                      </Anchor>
                    </Table.Td>
                    <Table.Td data-label={t("criteria.status")}>
                      <Badge variant="light" color={v.status === "draft" ? "yellow" : "green"}>
                        {t(v.status === "draft" ? "criteria.status.draft" : "criteria.status.published")}
                      </Badge>
                    </Table.Td>
                    <Table.Td data-label={t("criteria.publishedAt")}>
                      {v.publishedAt ? formatDate(v.publishedAt, true) : "—"}
                    </Table.Td>
                    <Table.Td data-label={t("criteria.contentHash")}>
                      <code title={v.contentHash ?? undefined}>{v.contentHash ? v.contentHash.slice(0, 12) : "—"}</code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ListTable>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** A new set's code and name, started from the default set or blank; opens its first draft. */
function CreateSetForm() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const create = useMutation(graphqlMutation(CreateCriteriaSetDocument));
  const { form, onSubmit, problem } = useMutationForm({
    initialValues: { code: "", name: "", startFrom: "DEFAULT" as "DEFAULT" | "BLANK" },
    schema: createSchema,
    messages: { code: "criteria.create.codeHint", name: "criteria.create.nameRequired" },
    submit: (values, { idempotencyKey }) =>
      create.mutateAsync({
        idempotencyKey,
        input: { code: values.code.trim(), name: values.name.trim(), startFrom: values.startFrom },
      }),
    fieldOf: { "CRITERIA.DUPLICATE_CODE": "code" },
    onSuccess: (result) => {
      if ("data" in result) navigate(`/criteria/versions/${encodeURIComponent(result.data.draft.id)}`);
    },
  });
  return (
    <Paper withBorder p="sm" component="form" aria-labelledby="create-heading" onSubmit={onSubmit} noValidate>
      <Title order={3} id="create-heading" mb="xs">
        {t("criteria.create.title")}
      </Title>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t("criteria.create.code")}
          description={t("criteria.create.codeHint")}
          withAsterisk
          {...form.getInputProps("code")}
        />
        <TextInput
          label={t("criteria.create.name")}
          withAsterisk
          {...form.getInputProps("name")}
          style={{ flex: 1, minWidth: "16rem" }}
        />
        <NativeSelect
          label={t("criteria.create.startFrom")}
          data={[
            { value: "DEFAULT", label: t("criteria.create.default") },
            { value: "BLANK", label: t("criteria.create.blank") },
          ]}
          {...form.getInputProps("startFrom")}
        />
        <Button type="submit" loading={form.submitting} mt={{ base: 0, sm: 24 }}>
          {t("criteria.create.submit")}
        </Button>
      </Group>
      <ProblemAlert problem={problem} />
    </Paper>
  );
}
