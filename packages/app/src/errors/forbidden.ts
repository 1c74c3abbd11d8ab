import { type DomainError, domainError } from "@lantoa/domain/errors";

/** The actor holds no role that allows this for this unit. */
export function forbidden(): DomainError<"AUTH.FORBIDDEN"> {
  return domainError("AUTH.FORBIDDEN", {
    vi: "Bạn không có quyền thực hiện thao tác này với đơn vị này.",
    en: "You are not allowed to do this for this unit.",
  });
}
