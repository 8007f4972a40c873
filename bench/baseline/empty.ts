/**
 * The cold-start floor of any handler: Node starting, loading one small module and answering
 * without doing anything. The part of both the hello world and the DynamoDB-only baseline
 * that the gateway pays only once.
 */
export const handler = async () => ({ statusCode: 200, body: JSON.stringify({ data: { empty: true } }) });
