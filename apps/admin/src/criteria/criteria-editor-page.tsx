import {
  CriteriaSetVersionDocument,
  NewCriteriaDraftDocument,
  PublishCriteriaVersionDocument,
  SaveCriteriaDraftDocument,
} from "@lantoa/client";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { Link, useLocation } from "wouter";
import { graphqlMutation, graphqlQuery } from "../data/graphql";
import { problemOf } from "../errors/problem-of";
import { useI18n } from "../i18n/i18n";
import { useConfirm } from "../layout/confirm";
import { QueryStatus } from "../query-status";
import { useSession, viewerRoles } from "../session";
import { type Draft, type EditDraft, numberOf, sumPoints, sumWeights } from "./criteria-draft";
import { CriteriaPreview } from "./criteria-preview";
import { type CriteriaProblem, criteriaProblems, withNextStep } from "./criteria-problems";
import { CriteriaSettingsEditor } from "./criteria-settings-editor";
import { CriteriaTreeEditor } from "./criteria-tree-editor";

/** A problem the server returned, in the editor's shape. */
function fromServer(p: {
  code: string;
  message: string;
  messageVi: string;
  path: string;
  criterionId?: string | null;
  offset?: number | null;
  line?: number | null;
  column?: number | null;
}): CriteriaProblem {
  return {
    code: p.code,
    message: withNextStep(p.code, { vi: p.messageVi, en: p.message }),
    path: p.path,
    nodeId: p.criterionId ?? null,
    position:
      p.offset != null && p.line != null && p.column != null
        ? { offset: p.offset, line: p.line, column: p.column }
        : null,
  };
}

const newKey = () => `criteria-${crypto.randomUUID()}`;

/**
 * Edits one version of a criteria set: the tree, scales, tiers, tie-breaks and quotas,
 * checked by the domain as you type, with a live preview; saves the draft and publishes
 * it. A published version opens read-only. The draft is the values of one `@mantine/form`
 * form; every editor below changes it through `edit`.
 */
export default function CriteriaEditorPage({ id }: { id: string }) {
  const { t, locale, formatNumber } = useI18n();
  const { session } = useSession();
  const [, navigate] = useLocation();
  const query = useQuery(graphqlQuery(CriteriaSetVersionDocument, { id }));
  const loaded = query.data?.criteriaSetVersion ?? null;
  const form = useForm<Draft>({ mode: "controlled" });
  const [shown, setShown] = useState<string | null>(null);
  const [rowVersion, setRowVersion] = useState(0);
  const [serverProblems, setServerProblems] = useState<CriteriaProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation(graphqlMutation(SaveCriteriaDraftDocument));
  const publish = useMutation(graphqlMutation(PublishCriteriaVersionDocument));
  const newDraft = useMutation(graphqlMutation(NewCriteriaDraftDocument));
  const confirm = useConfirm();

  const [newerSaved, setNewerSaved] = useState(false);
  const take = (version: NonNullable<typeof loaded>) => {
    const definition = JSON.parse(version.definition) as Draft;
    // Replaced, not merged (`setValues` merges): a published version's `version` and
    // `publishedAt` must not stay on the next draft, which the domain would refuse.
    form.setInitialValues(definition);
    form.reset();
    setRowVersion(version.version);
    setShown(`${version.id}@${version.version}`);
    setNewerSaved(false);
  };
  // A version read (or re-read after saving or publishing) becomes the form's values and its
  // clean state; unsaved edits are never overwritten by someone else's save without asking.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `take` and the form are stable enough; `loaded` is the trigger.
  useEffect(() => {
    if (!loaded) return;
    const sameVersion = shown?.startsWith(`${loaded.id}@`) ?? false;
    if (sameVersion && form.isDirty()) {
      if (`${loaded.id}@${loaded.version}` !== shown) setNewerSaved(true);
      return;
    }
    take(loaded);
  }, [loaded]);

  const draft = shown ? form.values : null;
  const dirty = form.isDirty();
  const deferred = useDeferredValue(draft);
  const checked = useMemo(() => (deferred ? criteriaProblems(deferred) : null), [deferred]);
  const problems = serverProblems.length > 0 && !dirty ? serverProblems : (checked?.problems ?? []);
  const problemsByNode = useMemo(() => {
    const map = new Map<string, CriteriaProblem[]>();
    for (const p of problems) if (p.nodeId) map.set(p.nodeId, [...(map.get(p.nodeId) ?? []), p]);
    return map;
  }, [problems]);

  if (!loaded || !draft) {
    return (
      <section>
        <QueryStatus query={query} />
        {query.isSuccess && !loaded && <p>{t("error.notFound")}</p>}
      </section>
    );
  }

  const isAdmin = viewerRoles(session).includes("system-admin");
  const published = loaded.status === "published";
  const readOnly = published || !isAdmin;
  const busy = save.isPending || publish.isPending || newDraft.isPending;
  const edit: EditDraft = (change) => {
    form.setValues((previous) => {
      const next = structuredClone(previous) as Draft;
      change(next);
      return next;
    });
    setServerProblems([]);
    setFailure(null);
  };
  // A set allocates by points (they add up to the total) or by weights (they add up to 100 %).
  const weights = sumWeights(draft.criteria);
  const sum = weights ?? sumPoints(draft.criteria);
  const target = weights === null ? draft.totalPoints : 100;
  const totalsMatch = Math.abs(sum - target) < 0.0005;
  const failed = (error: unknown) => setFailure(problemOf(error, locale).sentence);

  /** Saves the draft; its new row version, or null when it was not saved. */
  const saveDraft = async (): Promise<number | null> => {
    if (!dirty) return rowVersion;
    const r = await save.mutateAsync({
      versionId: loaded.id,
      definition: JSON.stringify(draft),
      expectedVersion: rowVersion,
    });
    if (r.__typename === "CriteriaInvalidError") {
      // Malformed: nothing was saved, so the changes stay unsaved.
      setServerProblems(r.problems.map(fromServer));
      setFailure(t("criteria.invalidSave"));
      return null;
    }
    setRowVersion(r.data.version.version);
    form.resetDirty();
    // An unfinished draft is kept too: what it still lacks is listed, and publishing waits.
    const left = r.data.problems.map(fromServer);
    setServerProblems(left);
    notifications.show(
      left.length === 0
        ? { color: "green", message: t("criteria.saved") }
        : { color: "yellow", message: t("criteria.savedWithProblems", { count: left.length }) },
    );
    return r.data.version.version;
  };

  const onSave = () => {
    setFailure(null);
    saveDraft().catch(failed);
  };

  const onPublish = async () => {
    setFailure(null);
    const going = await confirm({
      title: t("confirm.criteria.title", { n: loaded.versionNumber ?? 0 }),
      consequence: t("confirm.criteria.body"),
      confirmLabel: t("criteria.publish"),
    });
    if (!going) return;
    try {
      const version = await saveDraft();
      if (version === null) return;
      const r = await publish.mutateAsync({ versionId: loaded.id, expectedVersion: version });
      if (r.__typename === "CriteriaInvalidError") {
        setServerProblems(r.problems.map(fromServer));
        setFailure(t("criteria.invalidPublish"));
        return;
      }
      notifications.show({ color: "green", message: t("criteria.published", { n: r.data.version.versionNumber }) });
    } catch (error) {
      failed(error);
    }
  };

  const onNewDraft = () =>
    newDraft.mutate(
      { fromVersionId: loaded.id, idempotencyKey: newKey() },
      {
        onSuccess: ({ data }) => navigate(`/criteria/versions/${encodeURIComponent(data.version.id)}`),
        onError: failed,
      },
    );

  return (
    <Stack gap="md" component="section" aria-labelledby="criteria-editor-heading">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm">
            <Anchor component={Link} href="/criteria">
              {t("criteria.backToList")}
            </Anchor>
          </Text>
          <Title order={2} id="criteria-editor-heading">
            {loaded.setName} — {t("criteria.versionN", { n: loaded.versionNumber })}
          </Title>
          <Group gap="xs">
            <Badge color={published ? "green" : "yellow"} variant="light" data-testid="version-status">
              {t(published ? "criteria.status.published" : "criteria.status.draft")}
            </Badge>
            {loaded.contentHash && (
              <Text size="xs" c="dimmed" title={loaded.contentHash}>
                {t("criteria.hash", { hash: loaded.contentHash.slice(0, 12) })}
              </Text>
            )}
          </Group>
        </div>
        <Group gap="xs">
          {loaded.versionNumber > 1 && (
            <Button
              component={Link}
              variant="default"
              href={`/criteria/compare?set=${encodeURIComponent(loaded.setCode)}&to=${encodeURIComponent(loaded.id)}`}
            >
              {t("criteria.compare")}
            </Button>
          )}
          {readOnly ? (
            isAdmin && (
              <Button onClick={onNewDraft} loading={busy}>
                {t("criteria.newDraft")}
              </Button>
            )
          ) : (
            <>
              <Button variant="default" onClick={onSave} loading={busy} disabled={!dirty}>
                {t("criteria.save")}
              </Button>
              <Button onClick={() => void onPublish()} loading={busy} disabled={problems.length > 0}>
                {t("criteria.publish")}
              </Button>
            </>
          )}
        </Group>
      </Group>

      {readOnly && <Alert color="blue">{t(isAdmin ? "criteria.readOnly" : "criteria.readOnlyViewer")}</Alert>}
      {newerSaved && (
        <Alert color="yellow" role="alert" data-testid="newer-saved">
          <Group justify="space-between">
            <Text size="sm">{t("criteria.newerSaved")}</Text>
            <Button size="xs" variant="default" onClick={() => loaded && take(loaded)}>
              {t("criteria.loadNewer")}
            </Button>
          </Group>
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert" data-testid="editor-failure">
          {failure}
        </Alert>
      )}

      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t("criteria.setNameVi")}
            value={draft.name.vi}
            readOnly={readOnly}
            onChange={(e) => {
              const v = e.currentTarget.value;
              edit((d) => {
                d.name.vi = v;
              });
            }}
            style={{ flex: 1, minWidth: "16rem" }}
          />
          <TextInput
            label={t("criteria.setNameEn")}
            value={draft.name.en}
            readOnly={readOnly}
            onChange={(e) => {
              const v = e.currentTarget.value;
              edit((d) => {
                d.name.en = v;
              });
            }}
            style={{ flex: 1, minWidth: "14rem" }}
          />
          <NumberInput
            label={t("criteria.totalPoints")}
            value={draft.totalPoints}
            readOnly={readOnly}
            min={0}
            onChange={(v) =>
              edit((d) => {
                d.totalPoints = numberOf(v) ?? 0;
              })
            }
            w="10rem"
          />
          <div aria-live="polite" data-testid="live-total">
            <Text fw={700} c={totalsMatch ? "teal.9" : "red.9"}>
              {t(weights === null ? "criteria.liveTotal" : "criteria.liveWeights", {
                sum: formatNumber(sum, { maximumFractionDigits: 3 }),
                total: formatNumber(target, { maximumFractionDigits: 3 }),
              })}
            </Text>
            {!totalsMatch && (
              <Text size="sm" c="red.9">
                {t(weights === null ? "criteria.totalHint" : "criteria.weightsHint", {
                  diff: formatNumber(target - sum, { maximumFractionDigits: 3 }),
                })}
              </Text>
            )}
          </div>
        </Group>
      </Paper>

      <Paper withBorder p="sm" aria-live="polite" data-testid="problems">
        {problems.length === 0 ? (
          <Text c="teal.9" fw={600}>
            {t("criteria.valid")}
          </Text>
        ) : (
          <>
            <Text c="red.9" fw={600}>
              {t("criteria.problemCount", { count: problems.length })}
            </Text>
            <List size="sm">
              {problems.slice(0, 12).map((p) => (
                <List.Item key={`${p.code}-${p.path}-${p.position?.offset ?? ""}`}>
                  {locale === "vi" ? p.message.vi : p.message.en}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Paper>

      <section aria-labelledby="tree-heading">
        <Title order={3} id="tree-heading" mb="xs">
          {t("criteria.tree.title")}
        </Title>
        <CriteriaTreeEditor draft={draft} edit={edit} problemsByNode={problemsByNode} readOnly={readOnly} />
      </section>

      <CriteriaSettingsEditor draft={draft} edit={edit} problems={problems} readOnly={readOnly} />

      <CriteriaPreview set={checked?.set ?? null} />
    </Stack>
  );
}
