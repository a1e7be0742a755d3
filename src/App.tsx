export function App() {
  return <main className="app">Descent Lab</main>;
}
