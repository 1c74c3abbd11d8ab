import { useEffect, useState } from "react";
import { graphqlRequest } from "./graphql-request";

interface UnitNode {
  id: string;
  name: string;
  level: string;
  kind: string;
  depth: number;
}

interface UnitsData {
  units: { totalCount: number; edges: { node: UnitNode }[] };
}

const UNITS_QUERY = /* GraphQL */ `
  query AdminUnits($first: Int!, $filter: UnitFilter) {
    units(first: $first, filter: $filter) {
      totalCount
      edges { node { id name level kind depth } }
    }
  }
`;

const levelLabels: Record<string, string> = { province: "Tỉnh", district: "Huyện", commune: "Xã" };

type State = { status: "loading" } | { status: "error" } | { status: "ready"; data: UnitsData["units"] };

/** The organization tree as a list, searchable without diacritics. */
export function UnitsPage() {
  const [search, setSearch] = useState("");
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    let current = true;
    setState({ status: "loading" });
    const filter = search.trim() ? { search } : undefined;
    graphqlRequest<UnitsData>(UNITS_QUERY, { first: 500, filter }).then(
      (data) => current && setState({ status: "ready", data: data.units }),
      () => current && setState({ status: "error" }),
    );
    return () => {
      current = false;
    };
  }, [search]);

  return (
    <section aria-labelledby="units-heading">
      <h2 id="units-heading">Đơn vị</h2>
      <label>
        Tìm đơn vị{" "}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="vd. thanh liem" />
      </label>
      {state.status === "loading" && <p role="status">Đang tải…</p>}
      {state.status === "error" && (
        <p role="alert">Không tải được danh sách đơn vị. Hãy kiểm tra kết nối rồi tải lại trang.</p>
      )}
      {state.status === "ready" && (
        <>
          <p data-testid="units-total">{state.data.totalCount.toLocaleString("vi-VN")} đơn vị</p>
          {state.data.edges.length === 0 ? (
            <p>Không có đơn vị nào khớp với tìm kiếm.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Tên đơn vị</th>
                  <th scope="col">Cấp</th>
                </tr>
              </thead>
              <tbody>
                {state.data.edges.map(({ node }) => (
                  <tr key={node.id} data-testid="unit-row">
                    <td style={{ paddingLeft: `${node.depth * 1.25}rem` }}>{node.name}</td>
                    <td>{levelLabels[node.level] ?? node.level}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
