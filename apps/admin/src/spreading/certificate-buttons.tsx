import { CommendationCertificateDocument, RoundCertificatesDocument } from "@lantoa/client";
import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useDownload } from "../download-file";
import { ProblemAlert } from "../errors/problem-alert";
import { useI18n } from "../i18n/i18n";

/**
 * A commendation's certificate as a PDF download, and its public verification page (the
 * address its QR code holds).
 */
export function CertificateLinks({
  id,
  decision,
  verificationUrl,
}: {
  id: string;
  decision: string;
  verificationUrl?: string | null;
}) {
  const { t } = useI18n();
  const download = useDownload();
  return (
    <Stack gap={4} align="flex-start">
      <Group gap={6}>
        <Button
          size="xs"
          variant="light"
          loading={download.isPending}
          aria-label={t("certificate.downloadOf", { decision })}
          data-testid="certificate-download"
          onClick={() =>
            download.mutate(
              { document: CommendationCertificateDocument, variables: { id } },
              {
                onSuccess: (file) =>
                  notifications.show({ message: t("certificate.saved", { name: file.filename ?? "" }) }),
              },
            )
          }
        >
          {t("certificate.download")}
        </Button>
        {verificationUrl && (
          <Anchor
            href={verificationUrl}
            target="_blank"
            rel="noopener"
            size="sm"
            aria-label={t("certificate.verifyOf", { decision })}
            data-testid="certificate-verify"
          >
            {t("certificate.verify")}
          </Anchor>
        )}
      </Group>
      <ProblemAlert error={download.error} />
    </Stack>
  );
}

/** Every certificate of a round in one PDF, for the round's admins. */
export default function RoundCertificates({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const download = useDownload();
  const none = download.error instanceof Error && download.error.message === "the API sent no file";
  return (
    <Paper withBorder p="sm" data-testid="round-certificates">
      <Title order={3} size="h4">
        {t("certificate.roundTitle")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("certificate.roundIntro")}
      </Text>
      <Button
        mt="xs"
        variant="light"
        loading={download.isPending}
        onClick={() => download.mutate({ document: RoundCertificatesDocument, variables: { roundId } })}
      >
        {t("certificate.roundDownload")}
      </Button>
      {none ? (
        <Text mt="xs" size="sm" role="status">
          {t("certificate.roundNone")}
        </Text>
      ) : (
        <ProblemAlert error={download.error} />
      )}
    </Paper>
  );
}
