/** Row type of `levels`: a tier of the organization, dated by the level set it belongs to. */
export interface LevelTable {
  level_set: string;
  code: string;
  name_vi: string;
  name_en: string;
  rank: number;
  valid_from: string | null;
  valid_to: string | null;
}

/** Row type of `unit_kinds`: party committee, police, Youth Union… */
export interface UnitKindTable {
  code: string;
  name_vi: string;
  name_en: string;
}

/** Row type of `fields`: the configurable list of fields (lĩnh vực) a model works in. */
export interface FieldTable {
  code: string;
  name_vi: string;
  name_en: string;
}
