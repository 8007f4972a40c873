/**
 * The I/O part of the gateway's cold start on its own: the same SDK client, set up at import as
 * the gateway's is, making the fewest calls that read what the cold-start query asks for (a
 * leader, its five latest meetings, their participants), with no GraphQL at all. Bundled like
 * the hello world, it tells how much of the gap to the hello world is the SDK and the reads.
 */
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  type GetCommandOutput,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { openTable } from '../../src/store/db.js';

const table = process.env.TABLE_NAME ?? '';
// The gateway's own client, used bare: this baseline measures the calls without the store around them.
const { client } = openTable({
  tableName: table,
  region: process.env.AWS_REGION ?? 'us-east-1',
  ...(process.env.DYNAMODB_ENDPOINT ? { dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT } : {}),
});

type Item = { pk: string; d: { country?: string; participants?: string[] } };

async function batchGet(ids: string[]): Promise<Item[]> {
  const out = (await client.send(
    new BatchGetCommand({ RequestItems: { [table]: { Keys: [...new Set(ids)].map((pk) => ({ pk, sk: '#' })) } } }),
  )) as BatchGetCommandOutput;
  return (out.Responses?.[table] ?? []) as Item[];
}

export const handler = async (event: { body?: string }) => {
  const id = (JSON.parse(event.body ?? '{}') as { variables?: { id?: string } }).variables?.id ?? '';
  const [leader, meetings] = await Promise.all([
    client.send(new GetCommand({ TableName: table, Key: { pk: id, sk: '#' } })) as Promise<GetCommandOutput>,
    client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `MEETINGS#${id}` },
        ScanIndexForward: false,
        Limit: 6,
      }),
    ) as Promise<QueryCommandOutput>,
  ]);
  const country = (leader.Item as Item | undefined)?.d.country;
  const refs = ((meetings.Items ?? []) as { ref: string }[]).slice(0, 5).map((m) => m.ref);
  const found = await batchGet([...(country ? [`country:${country}`] : []), ...refs]);
  const participants = await batchGet(found.flatMap((item) => item.d.participants ?? []));
  return {
    statusCode: 200,
    body: JSON.stringify({ data: { leader: leader.Item?.pk, found: found.length, participants: participants.length } }),
  };
};
