import { IssueRoundCommendationsDocument, request } from "@lantoa/client";
import { Alert, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useI18n } from "../i18n/i18n";
import { failureOf, type Refusal, refusalOf } from "../mutation-errors";
import { useSession } from "../session";
import { graphqlEndpoint } from "../use-query";
import { newKey } from "./round-ids";

const forms = [
  "public-praise",
  "certificate-of-commendation",
  "certificate-of-merit",
  "emulation-flag",
  "emulation-fighter",
  "labour-order",
] as const;
const tiers = ["excellent", "good", "pass"] as const;

/** Commends the chosen tiers of a finalized round by one decision, optionally into the golden book. */
export default function RoundCommendations({ roundId }: { roundId: string }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const { session } = useSession();
  const [chosen, setChosen] = useState<string[]>(["excellent", "good"]);
  const [decisionNumber, setDecisionNumber] = useState("");
  const [decisionDate, setDecisionDate] = useState("");
  const [issuer, setIssuer] = useState("");
  const [level, setLevel] = useState("district");
  const [form, setForm] = useState<string>("certificate-of-commendation");
  const [goldenBook, setGoldenBook] = useState(true);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // One key per filled form: a retry after a lost answer does not commend twice.
  const [key, setKey] = useState(() => newKey("commend"));

  const issue = async () => {
    setProblem(null);
    setDone(null);
    if (!decisionNumber.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(decisionDate) || !issuer.trim() || chosen.length === 0) {
      setProblem({ text: t("commend.required"), code: null });
      return;
    }
    setBusy(true);
    try {
      const { issueRoundCommendations: r } = await request(
        graphqlEndpoint,
        IssueRoundCommendationsDocument,
        {
          roundId,
          idempotencyKey: key,
          input: {
            tiers: chosen,
            decisionNumber: decisionNumber.trim(),
            decisionDate,
            issuer: issuer.trim(),
            level,
            form,
            goldenBook,
          },
        },
        { token: session?.token ?? null },
      );
      if (r?.__typename === "MutationIssueRoundCommendationsSuccess") {
        setDone(t("commend.done", { n: r.data.commended ?? 0, book: r.data.goldenBookEntries ?? 0 }));
        setKey(newKey("commend"));
      } else if (r && "code" in r) setProblem(refusalOf(r, i18n));
    } catch (error) {
      setProblem(failureOf(error, i18n));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="sm" data-testid="round-commendations">
      <Title order={3} size="h4">
        {t("commend.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("commend.intro")}
      </Text>
      <Checkbox.Group label={t("commend.tiers")} value={chosen} onChange={setChosen} my="xs">
        <Group>
          {tiers.map((tier) => (
            <Checkbox key={tier} value={tier} label={label("tier", tier)} />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput
          label={t("commend.decisionNumber")}
          value={decisionNumber}
          onChange={(e) => setDecisionNumber(e.currentTarget.value)}
        />
        <TextInput
          label={t("commend.decisionDate")}
          type="date"
          value={decisionDate}
          onChange={(e) => setDecisionDate(e.currentTarget.value)}
        />
        <TextInput label={t("commend.issuer")} value={issuer} onChange={(e) => setIssuer(e.currentTarget.value)} />
        <NativeSelect
          label={t("commend.level")}
          value={level}
          onChange={(e) => setLevel(e.currentTarget.value)}
          data={["province", "district", "commune"].map((l) => ({ value: l, label: label("level", l) }))}
        />
        <NativeSelect
          label={t("commend.form")}
          value={form}
          onChange={(e) => setForm(e.currentTarget.value)}
          data={forms.map((f) => ({ value: f, label: label("commend.form", f) }))}
        />
      </SimpleGrid>
      <Checkbox
        mt="xs"
        label={t("commend.goldenBook")}
        checked={goldenBook}
        onChange={(e) => setGoldenBook(e.currentTarget.checked)}
      />
      <Button mt="xs" onClick={issue} loading={busy}>
        {t("commend.issue")}
      </Button>
      {done && (
        <Alert mt="xs" color="green" role="status">
          {done}
        </Alert>
      )}
      {problem && (
        <Alert mt="xs" color="red" role="alert">
          {problem.text}
        </Alert>
      )}
    </Paper>
  );
}
