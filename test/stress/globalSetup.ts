/** Names this run's summary file for the workers, and prints the one table after every file has run. */
import type { TestProject } from 'vitest/node';
import { formatSummary, newSummaryFile, removeSummary } from './summary.ts';

export default function setup(project: TestProject): () => void {
  const file = newSummaryFile();
  project.provide('stressSummaryFile', file);
  return () => {
    console.log(formatSummary(file));
    removeSummary(file);
  };
}
