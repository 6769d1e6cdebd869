/**
 * promptfoo's `--output results.json` shape (OutputFile with an EvaluateSummaryV3, promptfoo
 * src/types/index.ts), for the demo's illustrative runs and for tests; the site only reads it.
 */
export function promptfooOutputFile(input: { evalId: string; timestamp: string; description: string; results: Array<Record<string, unknown>> }): string {
  const successes = input.results.filter((result) => result.success === true).length;
  const errors = input.results.filter((result) => result.failureReason === 2).length;
  const prompts = [...new Map(input.results.map((result) => [JSON.stringify(result.provider), result])).values()].map((result) => ({
    ...(result.prompt as object),
    provider: (result.provider as { id: string }).id,
  }));
  return (
    JSON.stringify(
      {
        evalId: input.evalId,
        results: {
          version: 3,
          timestamp: input.timestamp,
          prompts,
          results: input.results,
          stats: {
            successes,
            failures: input.results.length - successes - errors,
            errors,
            tokenUsage: { total: 0, prompt: 0, completion: 0, cached: 0, numRequests: input.results.length },
          },
        },
        config: { description: input.description },
        shareableUrl: null,
        metadata: { promptfooVersion: '0.120.0', exportedAt: input.timestamp },
      },
      null,
      1,
    ) + '\n'
  );
}
