/**
 * Requests no client of the API should send: malformed, oversized, forged, abusive. Each one
 * must be refused with a 4xx or answered with GraphQL errors that carry `extensions.code`,
 * and none may change the table or show anything of the server's insides.
 */

/** One hostile request, as raw HTTP. */
export interface HostileRequest {
  name: string;
  method?: string;
  /** Path and query string; `/graphql` when absent. */
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const PUTIN = 'leader:vladimir-putin';

/** A POST of a JSON body. */
const post = (name: string, payload: unknown, headers: Record<string, string> = {}): HostileRequest => ({
  name,
  method: 'POST',
  headers: { ...JSON_TYPE, ...headers },
  body: JSON.stringify(payload),
});

/** A POST of an operation. */
const op = (name: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): HostileRequest =>
  post(name, { query, ...(variables ? { variables } : {}) }, headers);

/** A POST whose body is given verbatim. */
const rawPost = (name: string, body: string | Buffer, contentType = 'application/json'): HostileRequest => ({
  name,
  method: 'POST',
  headers: { 'content-type': contentType },
  body,
});

const repeat = (text: string, times: number, separator = ' ') => Array.from({ length: times }, () => text).join(separator);

function nested(levels: number, leaf: string, wrap: (inner: string) => string): string {
  let query = leaf;
  for (let i = 0; i < levels; i++) query = wrap(query);
  return query;
}

const MALFORMED_JSON: HostileRequest[] = [
  rawPost('unterminated object', '{'),
  rawPost('unterminated string', '{"query": "{ __typename }'),
  rawPost('missing value', '{"query":}'),
  rawPost('trailing garbage', '{"query":"{ __typename }"}}}'),
  rawPost('single quotes', "{'query': '{ __typename }'}"),
  rawPost('bare word', 'nul'),
  rawPost('a NUL byte', '\u0000'),
  rawPost('a bad escape', '{"query":"\\u12"}'),
  rawPost('a comment in JSON', '{"query": /* hi */ "{ __typename }"}'),
  rawPost('JSON with a BOM and garbage', '\uFEFF{"query"'),
  rawPost('deeply nested arrays', `${'['.repeat(5_000)}${']'.repeat(5_000)}`),
  rawPost('a number too large', '{"query":"query ($n: Int) { leaders(first: $n) { edges { cursor } } }","variables":{"n":1e400}}'),
];

const WRONG_SHAPES: HostileRequest[] = [
  rawPost('null', 'null'),
  rawPost('a string', '"{ __typename }"'),
  rawPost('a number', '42'),
  rawPost('true', 'true'),
  rawPost('an empty object', '{}'),
  post('query as a number', { query: 42 }),
  post('query as null', { query: null }),
  post('query as a list', { query: ['{ __typename }'] }),
  post('query as an object', { query: { $ne: null } }),
  post('variables as a string', { query: '{ __typename }', variables: '{"a":1}' }),
  post('variables as a list', { query: '{ __typename }', variables: [1, 2] }),
  post('operationName as a number', { query: '{ __typename }', operationName: 5 }),
  post('extensions as a string', { query: '{ __typename }', extensions: 'x' }),
  post('an empty query', { query: '' }),
  post('a query of spaces', { query: '   \n\t ' }),
  post('a query of comments only', { query: '# nothing here' }),
];

const CONTENT_TYPES: HostileRequest[] = [
  { name: 'no content type', method: 'POST', body: '{"query":"{ __typename }"}' },
  rawPost('text/plain (a CSRF simple request)', '{"query":"{ __typename }"}', 'text/plain'),
  rawPost('a form (a CSRF simple request)', 'query=%7B__typename%7D', 'application/x-www-form-urlencoded'),
  rawPost(
    'multipart (a CSRF simple request)',
    '--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--b--',
    'multipart/form-data; boundary=b',
  ),
  rawPost('application/graphql', '{ __typename }', 'application/graphql'),
  rawPost('XML', '<query>{ __typename }</query>', 'application/xml'),
  rawPost('JSON in UTF-16', Buffer.from('{"query":"{ __typename }"}', 'utf16le'), 'application/json; charset=utf-16'),
  rawPost('an empty JSON body', '', 'application/json'),
];

const CSRF_AND_METHODS: HostileRequest[] = [
  { name: 'GET without a preflight header', method: 'GET', path: '/graphql?query=%7B__typename%7D' },
  {
    name: 'GET from a foreign origin without a preflight header',
    method: 'GET',
    path: '/graphql?query=%7B__typename%7D',
    headers: { origin: 'https://evil.example' },
  },
  {
    name: 'GET of a mutation',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('mutation { deleteLeader(id: "leader:sergey-lavrov") { id } }')}`,
    headers: { 'apollo-require-preflight': 'true' },
  },
  {
    name: 'GET with no query',
    method: 'GET',
    path: '/graphql',
    headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
  },
  {
    name: 'GET with variables that are not JSON',
    method: 'GET',
    path: '/graphql?query=%7B__typename%7D&variables=%7Bnope',
    headers: { 'apollo-require-preflight': 'true' },
  },
  { name: 'PUT', method: 'PUT', headers: JSON_TYPE, body: '{"query":"{ __typename }"}' },
  { name: 'DELETE', method: 'DELETE' },
  { name: 'PATCH', method: 'PATCH', headers: JSON_TYPE, body: '{"query":"{ __typename }"}' },
  { name: 'another path', method: 'POST', path: '/admin', headers: JSON_TYPE, body: '{"query":"{ __typename }"}' },
  { name: 'a path that climbs', method: 'GET', path: '/graphql/../../etc/passwd' },
  { name: 'the path in upper case', method: 'POST', path: '/GRAPHQL', headers: JSON_TYPE, body: '{"query":"{ __typename }"}' },
];

const BATCHES: HostileRequest[] = [
  rawPost('a batch of one', '[{"query":"{ __typename }"}]'),
  rawPost(
    'a batch of many',
    JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ leaders(first: 100) { edges { node { id } } } }' }))),
  ),
  rawPost('an empty batch', '[]'),
];

const OVERSIZED: HostileRequest[] = [
  rawPost('a body over 100 KB', JSON.stringify({ query: `{ __typename } # ${'x'.repeat(150_000)}` })),
  {
    name: 'a declared length over the limit',
    method: 'POST',
    headers: { ...JSON_TYPE, 'content-length': String(5 * 1024 * 1024) },
    body: '{"query":"{ __typename }"}',
  },
  {
    name: 'a chunked body over the limit',
    method: 'POST',
    headers: { ...JSON_TYPE, 'transfer-encoding': 'chunked' },
    body: JSON.stringify({ query: `{ __typename } # ${'y'.repeat(300_000)}` }),
  },
  {
    name: 'a query string of 10 KB',
    method: 'GET',
    path: `/graphql?query=${'%7B'.repeat(3_000)}`,
    headers: { 'apollo-require-preflight': 'true' },
  },
  {
    name: 'a header of 20 KB',
    method: 'POST',
    headers: { ...JSON_TYPE, 'x-padding': 'p'.repeat(20_000) },
    body: '{"query":"{ __typename }"}',
  },
  op('a string literal of 90 KB', `{ search(text: "${'a'.repeat(90_000)}") { __typename } }`),
];

const LEADER_FIELDS = 'id name aliases roles { title }';
const fragmentChain = (count: number) =>
  [
    `query { ...F${count} }`,
    'fragment F0 on Query { leaders(first: 100) { edges { node { id } } } }',
    ...Array.from({ length: count }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`),
  ].join('\n');

const BOMBS: HostileRequest[] = [
  op(
    'a query 14 levels deep',
    `{ leader(id: "${PUTIN}") { ${nested(3, 'name', (inner) => `meetings { edges { node { participants { ${inner} } } } }`)} } }`,
  ),
  op(
    'a query 40 levels deep',
    `{ leader(id: "${PUTIN}") { ${nested(10, 'name', (inner) => `meetings { edges { node { participants { ${inner} } } } }`)} } }`,
  ),
  op(
    'depth hidden in fragments',
    `query { leader(id: "${PUTIN}") { ...A } } fragment A on Leader { meetings { edges { node { participants { ...B } } } } } fragment B on Leader { meetings { edges { node { participants { ...C } } } } } fragment C on Leader { meetings { edges { node { participants { name } } } } }`,
  ),
  op('2,400 copies of one field', `{ leader(id: "${PUTIN}") { ${repeat('name', 2_400)} } }`),
  op(
    'a wide selection of every list at 100',
    `{ ${Array.from({ length: 5 }, (_, i) => `l${i}: leaders(first: 100) { edges { node { ${LEADER_FIELDS} meetings(first: 100) { edges { node { id } } } } } }`).join(' ')} }`,
  ),
  op('40 aliases of one field', `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: leader(id: "${PUTIN}") { name }`).join(' ')} }`),
  op(
    'an alias bomb of nested lists',
    `{ ${Array.from({ length: 16 }, (_, i) => `x${i}: leaders(first: 100) { edges { node { y: meetings(first: 100) { edges { node { id } } } } } }`).join(' ')} }`,
  ),
  op('60 @include directives', `{ leader(id: "${PUTIN}") { name ${repeat('@include(if: true)', 60, '')} } }`),
  op('an unknown directive repeated', `{ __typename ${repeat('@a', 500, '')} }`),
  op(
    'directives spread over fields',
    `{ leader(id: "${PUTIN}") { ${Array.from({ length: 30 }, () => 'name @skip(if: false)').join(' ')} } }`,
  ),
  op('6,000 tokens', `{ ${repeat('a', 6_000)} }`),
  op(
    'nested lists of 100 as literals',
    '{ leaders(first: 100) { edges { node { meetings(first: 100) { edges { node { participants { name } } } } } } } }',
  ),
  op(
    'nested lists of 100 through variables',
    'query ($n: Int) { leaders(first: $n) { edges { node { meetings(first: $n) { edges { node { id } } } statements(first: $n) { edges { node { id } } } } } } }',
    { n: 100 },
  ),
  op(
    'a negative list size to offset a big one',
    'query ($n: Int, $m: Int) { a: leaders(first: $m) { edges { node { id } } } b: leaders(first: $n) { edges { node { meetings(first: $n) { edges { node { id } } } } } } }',
    { n: 100, m: -1_000_000 },
  ),
  op('fragments that double 30 times', fragmentChain(30)),
  op('a fragment spreading itself', 'query { ...A } fragment A on Query { ...A }'),
  op(
    'fragments spreading each other',
    'query { ...A } fragment A on Query { leaders { ...B } } fragment B on LeaderConnection { edges { node { ...C } } } fragment C on Leader { country { leaders { ...B } } }',
  ),
  op(
    'a cycle through three fragments',
    'query { ...A } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A }',
  ),
  op('nesting past the parser', `{ ${'a { '.repeat(2_000)}b${' }'.repeat(2_000)} }`),
];

const GRAPHQL_MISUSE: HostileRequest[] = [
  op('a syntax error', '{ leader(id: ) { name } }'),
  op('an unknown field', '{ leaders { edges { node { password } } } }'),
  op('an unknown type in a fragment', '{ ...on Admin { secret } }'),
  op('two operations and no name', 'query A { __typename } query B { __typename }'),
  post('an operation name that is not there', { query: 'query A { __typename }', operationName: 'B' }),
  op('a subscription', 'subscription { leaders { edges { node { id } } } }'),
  op('a mutation that does not exist', 'mutation { dropTable }'),
  op('__schema on a mutation', 'mutation { __schema { types { name } } }'),
  post('an unknown persisted query', { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
  post('a persisted query of a bad version', {
    query: '{ __typename }',
    extensions: { persistedQuery: { version: 9, sha256Hash: 'b'.repeat(64) } },
  }),
  post('a persisted query whose hash does not match', {
    query: '{ __typename }',
    extensions: { persistedQuery: { version: 1, sha256Hash: 'c'.repeat(64) } },
  }),
  op('an argument that does not exist', `{ leader(id: "${PUTIN}", where: "1=1") { name } }`),
  op('a required argument left out', '{ leader { name } }'),
  op('a variable never declared', '{ leader(id: $id) { name } }'),
  op('a variable of the wrong type', 'query ($id: Int) { leader(id: $id) { name } }', { id: 1 }),
  op('@defer, which the server does not offer', `{ leader(id: "${PUTIN}") { ... @defer { name } } }`),
];

const VARIABLES: HostileRequest[] = [
  op('a page size given as text', 'query ($n: Int) { leaders(first: $n) { edges { node { id } } } }', { n: 'ten' }),
  op('a page size past 32 bits', 'query ($n: Int) { leaders(first: $n) { edges { node { id } } } }', { n: 1e12 }),
  op('a page size with a fraction', 'query ($n: Int) { leaders(first: $n) { edges { node { id } } } }', { n: 1.5 }),
  op('a negative page size', '{ leaders(first: -1) { edges { node { id } } } }'),
  op('a page size over 100', '{ meetings(first: 101) { edges { node { id } } } }'),
  op('a required variable left out', 'query ($id: ID!) { leader(id: $id) { name } }'),
  op('null for a required variable', 'query ($id: ID!) { leader(id: $id) { name } }', { id: null }),
  op('an object for an id', 'query ($id: ID!) { leader(id: $id) { name } }', { id: { $gt: '' } }),
  op('a list for an id', 'query ($id: ID!) { leader(id: $id) { name } }', { id: ['a', 'b'] }),
  op('an unknown field in an input', 'query ($f: MeetingFilter) { meetings(filter: $f) { edges { node { id } } } }', {
    f: { participant: PUTIN, $where: 'sleep(1000)' },
  }),
  op('a prototype key in an input', 'query ($f: MeetingFilter) { meetings(filter: $f) { edges { node { id } } } }', {
    f: JSON.parse('{"__proto__": {"admin": true}, "status": "HELDX"}'),
  }),
  op('variables nested 2,000 deep', 'query ($s: String!) { search(text: $s) { __typename } }', {
    s: JSON.parse(`${'['.repeat(2_000)}1${']'.repeat(2_000)}`),
  }),
];

const CURSORS: HostileRequest[] = [
  op('a cursor of junk', '{ meetings(first: 1, after: "zzz") { edges { node { id } } } }'),
  op('an empty cursor', '{ meetings(first: 1, after: "") { edges { node { id } } } }'),
  op(
    'a cursor of another list',
    `{ meetings(first: 1, after: "${Buffer.from(JSON.stringify(['ALL#leader', 'vladimir putin#leader:vladimir-putin'])).toString('base64url')}") { edges { node { id } } } }`,
  ),
  op('a cursor of 2,000 characters', `{ meetings(first: 1, after: "${'A'.repeat(2_000)}") { edges { node { id } } } }`),
  op('a cursor with a path in it', '{ meetings(first: 1, after: "../../etc/passwd") { edges { node { id } } } }'),
  op(
    'a cursor that decodes to an object',
    `{ meetings(first: 1, after: "${Buffer.from('{"pk":"ALL#meeting","sk":{"$gt":""}}').toString('base64url')}") { edges { node { id } } } }`,
  ),
  op(
    'a cursor of revisions of another record',
    `{ leader(id: "${PUTIN}") { revisions(after: "${Buffer.from(JSON.stringify(['leader:sergey-lavrov', 'REV#0000000001'])).toString('base64url')}") { edges { node { version } } } } }`,
  ),
];

const DATES: HostileRequest[] = [
  op('month 13', '{ meetings(filter: { from: "2024-13" }) { edges { node { id } } } }'),
  op('30 February', '{ meetings(filter: { from: "2024-02-30" }) { edges { node { id } } } }'),
  op('year 0', '{ events(filter: { to: "0000" }) { edges { node { id } } } }'),
  op('a five-digit year', '{ events(filter: { to: "99999" }) { edges { node { id } } } }'),
  op('an unpadded date', '{ statements(filter: { from: "2024-1-1" }) { edges { node { id } } } }'),
  op('a word for a date', 'query ($d: PartialDate) { meetings(filter: { from: $d }) { edges { node { id } } } }', { d: 'yesterday' }),
  op('from after to', '{ meetings(filter: { from: "2024", to: "2023" }) { edges { node { id } } } }'),
  op('an ISO timestamp as a partial date', '{ leaders(filter: { activeOn: "2024-01-01T00:00:00Z" }) { edges { node { id } } } }'),
];

const ENUMS: HostileRequest[] = [
  op('an unknown status', '{ meetings(filter: { status: HELDD }) { edges { node { id } } } }'),
  op('an unknown status in a variable', 'query ($s: MeetingStatus) { meetings(filter: { status: $s }) { edges { node { id } } } }', {
    s: 'HELDD',
  }),
  op('a status in lower case', 'query ($s: DealStatus) { militaryDeals(filter: { status: $s }) { edges { node { id } } } }', {
    s: 'agreed',
  }),
  op('a status given as a string literal', '{ meetings(filter: { status: "HELD" }) { edges { node { id } } } }'),
];

const INJECTION: HostileRequest[] = [
  op('SQL in a country code', `{ leaders(filter: { country: "' OR 1=1 --" }) { edges { node { id } } } }`),
  op('SQL in an event kind', `{ events(filter: { kind: "MISSILE' OR '1'='1" }) { edges { node { id } } } }`),
  op('SQL in an id filter', `{ meetings(filter: { participant: "leader:x' OR '1'='1" }) { edges { node { id } } } }`),
  op('a NoSQL operator as a string', '{ statements(filter: { speaker: "{\\"$gt\\":\\"\\"}" }) { edges { node { id } } } }'),
  op('a NoSQL operator as an object', 'query ($id: ID!) { node(id: $id) { id } }', { id: { $gt: '' } }),
  op('a script tag as a supplier', '{ militaryDeals(filter: { supplier: "<script>alert(1)</script>" }) { edges { node { id } } } }'),
  op('a script tag in a timeline', '{ relations(countries: ["IR", "<script>"]) { edges { cursor } } }'),
  op('a key condition in a filter', '{ events(filter: { actor: "pk = :pk OR begins_with(pk, :x)" }) { edges { node { id } } } }'),
  op('a search of 300 characters', `{ search(text: "${'<img src=x onerror=alert(1)>'.repeat(11)}") { __typename } }`),
  op('a search of punctuation only', `{ search(text: "' ; -- /* */") { __typename } }`),
  op(
    'a write with an injected alias, no key',
    `mutation { upsertLeader(input: { id: "${PUTIN}", name: "Vladimir Putin", aliases: ["'; DROP TABLE leaders; --"] }) { id } }`,
  ),
  op(
    'a header injection in a name, no key',
    'mutation { upsertOrganization(input: { name: "x\\r\\nset-cookie: a=b", kind: MEDIA }) { id } }',
  ),
];

const INVALID_UTF8: HostileRequest[] = [
  rawPost(
    'invalid bytes in a JSON body',
    Buffer.concat([
      Buffer.from('{"query":"{ meetings(filter: { participant: \\"leader:'),
      Buffer.from([0xff, 0xfe, 0xfd]),
      Buffer.from('\\" }) { edges { cursor } } }"}'),
    ]),
  ),
  rawPost(
    'an overlong encoding of a slash',
    Buffer.concat([Buffer.from('{"query":"{ search(text: \\"'), Buffer.from([0xc0, 0xaf]), Buffer.from('\\") { __typename } }"}')]),
  ),
  rawPost('a lone surrogate', '{"query":"{ search(text: \\"\\ud800\\") { __typename } }"}'),
  rawPost(
    'invalid bytes in the query itself',
    Buffer.concat([Buffer.from('{"query":"{ '), Buffer.from([0xe2, 0x28, 0xa1]), Buffer.from(' }"}')]),
  ),
  rawPost('a NUL inside the query', '{"query":"{ __typename\\u0000 }"}'),
  {
    name: 'invalid bytes in a GET query string',
    method: 'GET',
    path: '/graphql?query=%7B%20%FF%FE%20%7D',
    headers: { 'apollo-require-preflight': 'true' },
  },
];

const HUGE_IDS: HostileRequest[] = [
  op(
    'an id of 90,000 characters in a filter',
    `{ meetings(filter: { participant: "leader:${'a'.repeat(90_000)}" }) { edges { node { id } } } }`,
  ),
  op('an actor id of 10,000 characters', `{ events(filter: { actor: "organization:${'b'.repeat(10_000)}" }) { edges { node { id } } } }`),
  op('deleting an id of 50,000 characters, no key', `mutation { deleteMeeting(id: "meeting:${'c'.repeat(50_000)}") { id } }`),
  op('an integer of 40 digits', `{ leaders(first: ${'9'.repeat(40)}) { edges { node { id } } } }`),
];

const FORGED_AUTH: HostileRequest[] = [
  op('a write with a 10 KB bearer token', 'mutation { deleteLeader(id: "leader:sergey-lavrov") { id } }', undefined, {
    authorization: `Bearer ${'k'.repeat(10_000)}`,
  }),
  op(
    'a write with a key of the right shape that was never made',
    'mutation { deleteLeader(id: "leader:sergey-lavrov") { id } }',
    undefined,
    { authorization: `Bearer geo_0123456789ab_${'Z'.repeat(32)}` },
  ),
  op('a write with SQL as an API key', 'mutation { deleteLeader(id: "leader:sergey-lavrov") { id } }', undefined, {
    'x-api-key': "' OR 1=1 --",
  }),
  op('a write with Basic auth', 'mutation { deleteLeader(id: "leader:sergey-lavrov") { id } }', undefined, {
    authorization: 'Basic YWRtaW46YWRtaW4=',
  }),
  op('a write with two bearer tokens', 'mutation { deleteLeader(id: "leader:sergey-lavrov") { id } }', undefined, {
    authorization: 'Bearer a, Bearer b',
  }),
  op('a sync with no key', 'mutation ($l: [String!]!) { syncRecords(lines: $l) { id } }', {
    l: ['{"type":"country","id":"country:FR","code":"FR","name":"France"}'],
  }),
  op('a meeting written with no key', 'mutation ($i: MeetingInput!) { upsertMeeting(input: $i) { id } }', {
    i: { date: '2024-01-01', status: 'HELD' },
  }),
  op('an event deleted with no key', 'mutation { deleteEvent(id: "event:2024-10-01-iran-missile-attack-israel") { id } }'),
  op('a deal deleted with no key', 'mutation { deleteMilitaryDeal(id: "deal:2022-iran-russia-drones") { id } }'),
  op(
    'a source rewritten with no key',
    'mutation { upsertSource(input: { id: "source:article-putin-pezeshkian-ashgabat-2024-10-11", title: "Forged" }) { id } }',
  ),
  op('a statement written with no key', `mutation { upsertStatement(input: { speaker: "${PUTIN}", quote: "Forged." }) { id } }`),
];

/** The whole corpus. */
export const HOSTILE_REQUESTS: HostileRequest[] = [
  ...MALFORMED_JSON,
  ...WRONG_SHAPES,
  ...CONTENT_TYPES,
  ...CSRF_AND_METHODS,
  ...BATCHES,
  ...OVERSIZED,
  ...BOMBS,
  ...GRAPHQL_MISUSE,
  ...VARIABLES,
  ...CURSORS,
  ...DATES,
  ...ENUMS,
  ...INJECTION,
  ...INVALID_UTF8,
  ...HUGE_IDS,
  ...FORGED_AUTH,
];

/** Ids that look like attacks but are only ids: they match nothing, and that is the whole answer. */
export const INERT_IDS = [
  "' OR 1=1 --",
  '{"$gt":""}',
  '<script>alert(1)</script>',
  'leader:../../etc/passwd',
  `leader:${'x'.repeat(20_000)}`,
  '__proto__',
  'constructor',
];
