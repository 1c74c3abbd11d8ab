import { UnitsPage } from "./units-page";

/** The admin app's shell. */
export function App() {
  return (
    <>
      <header>
        <h1>Lan Tỏa</h1>
        <p>Xây dựng, đánh giá và nhân rộng mô hình điển hình</p>
      </header>
      <main>
        <UnitsPage />
      </main>
    </>
  );
}
