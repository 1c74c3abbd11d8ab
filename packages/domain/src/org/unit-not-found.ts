import { type DomainError, domainError } from "../errors/domain-error.js";

/**
 * The error every tree helper returns for an id that is not in the tree.
 *
 * @example unitNotFound("xa-1").code // "ORG.UNIT_NOT_FOUND"
 */
export function unitNotFound(unitId: string): DomainError<"ORG.UNIT_NOT_FOUND"> {
  return domainError(
    "ORG.UNIT_NOT_FOUND",
    { vi: `Không tìm thấy đơn vị ${unitId}`, en: `Unit ${unitId} not found` },
    { unitId },
  );
}
