import type { ColumnType, Generated, Selectable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Row type of `report_drafts`: a periodic report staff are writing (its narrative and document parts). */
export interface ReportDraftTable {
  id: Generated<string>;
  unit_id: string;
  from_year: number;
  to_year: number;
  superior_body: string;
  issuing_body: string;
  number_symbol: string;
  place: string;
  report_date: string;
  subject: string;
  /** Narrative section key → text (see the domain's `reportSectionKeys`). */
  sections: ColumnType<Record<string, string>, string, string>;
  recipients: ColumnType<string[], string[], string[]>;
  signer_title: string;
  signer_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** A stored report draft. */
export type ReportDraftRow = Selectable<ReportDraftTable>;
