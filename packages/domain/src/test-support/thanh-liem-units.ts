import type { Unit } from "../org/unit.js";

/** A small slice of the Hà Nam / Thanh Liêm organization for tests. */
export const thanhLiemUnits: readonly Unit[] = [
  { id: "tinh", code: "HN", name: "Tỉnh ủy Hà Nam", parentId: null, level: "province", kind: "party-committee" },
  {
    id: "huyen",
    code: "TL",
    name: "Huyện ủy Thanh Liêm",
    parentId: "tinh",
    level: "district",
    kind: "party-committee",
  },
  {
    id: "thanh-tra",
    code: "TL-TT",
    name: "Chi bộ Thanh tra huyện",
    parentId: "huyen",
    level: "district",
    kind: "party-cell",
  },
  {
    id: "chqs",
    code: "TL-QS",
    name: "Ban CHQS huyện Thanh Liêm",
    parentId: "huyen",
    level: "district",
    kind: "military-command",
  },
  {
    id: "xa-a",
    code: "TL-XA",
    name: "Đảng ủy xã Thanh Hà",
    parentId: "huyen",
    level: "commune",
    kind: "party-committee",
  },
  {
    id: "xa-a-doan",
    code: "TL-XA-DTN",
    name: "Đoàn Thanh niên xã Thanh Hà",
    parentId: "xa-a",
    level: "commune",
    kind: "youth-union",
  },
  {
    id: "xa-b",
    code: "TL-XB",
    name: "Đảng ủy xã Thanh Nghị",
    parentId: "huyen",
    level: "commune",
    kind: "party-committee",
  },
  {
    id: "huyen-2",
    code: "KB",
    name: "Huyện ủy Kim Bảng",
    parentId: "tinh",
    level: "district",
    kind: "party-committee",
  },
  {
    id: "xa-c",
    code: "KB-XC",
    name: "Đảng ủy xã Tân Sơn",
    parentId: "huyen-2",
    level: "commune",
    kind: "party-committee",
  },
];

/** A unit with only the fields the tree needs. */
export function unit(id: string, parentId: string | null): Unit {
  return { id, code: id, name: id, parentId, level: "commune", kind: "party-cell" };
}
