/**
 * The cold-start baseline: the smallest Apollo Server 5 on the same Lambda integration, one
 * field and no I/O. The bench bundles it with the build's own options, so the difference to
 * the gateway is what the gateway adds, not how it is packaged.
 */
import { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';

const server = new ApolloServer({
  typeDefs: 'type Query { hello: String! }',
  resolvers: { Query: { hello: () => 'world' } },
});

// The integration is typed against Apollo's CommonJS build; the class is the same (see src/handlers/graphql-handler.ts).
export const handler = startServerAndCreateLambdaHandler(server as never, handlers.createAPIGatewayProxyEventV2RequestHandler());
