import { describeCycles, findImportCycles, readImportGraph } from './import-cycles';

/** `npm run lint`'s import-cycle check (the rules are in scripts/import-cycles.ts): exits 1 with the list of cycles. */
async function main(): Promise<void> {
  const graph = await readImportGraph(process.cwd());
  const cycles = findImportCycles(graph);
  const report = describeCycles(graph, cycles);
  if (report) {
    console.error(`Import cycles (move the shared piece into a folder both can import):\n\n${report}`);
    process.exit(1);
  }
  console.log(`No import cycles among ${graph.size} files or their folders.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
