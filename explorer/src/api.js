// The explorer talks to the service only through its public GraphQL API,
// same origin, so it shows exactly what any other client can get.

export class GraphQLError extends Error {}

export async function gql(query, variables = {}) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new GraphQLError(`HTTP ${res.status}`);
  }
  if (body.errors && body.errors.length) {
    const e = body.errors[0];
    const err = new GraphQLError(e.message);
    err.code = e.extensions && e.extensions.code;
    throw err;
  }
  return body.data;
}

const MENTION = 'yearbook page section line quote';
const SOURCE = `source { ${MENTION} }`;
const REF = 'id kind name';

export const Q = {
  search: `query Search($q: String!) {
    search(query: $q, first: 40) {
      ${REF} aliases
      ... on Event { date }
      ... on Place { placeType }
    }
  }`,
  home: `{
    stats { byKind { key count } relationships }
    yearbooks { id title }
    people(orderBy: MENTIONS, first: 8) { edges { node { ${REF} } } }
    organizations(orderBy: MENTIONS, first: 8) { edges { node { ${REF} } } }
    places(orderBy: MENTIONS, first: 8) { edges { node { ${REF} } } }
    projects(orderBy: MENTIONS, first: 6) { edges { node { ${REF} } } }
  }`,
  entity: `query Entity($id: ID!) {
    yearbooks { id title }
    node(id: $id) {
      ${REF} aliases mentionCount
      mentions(first: 200) { ${MENTION} }
      ... on Person {
        gender ethnicity born
        career { position { title start end concurrent note organization { ${REF} } ${SOURCE} } events { id } }
        events(first: 100) { ${REF} date }
        honors { title year awardedBy { ${REF} } ${SOURCE} }
      }
      ... on Organization {
        parent { ${REF} }
        units { ${REF} }
        positions { title start end concurrent note person { ${REF} } ${SOURCE} }
        timeline { date kind position { title person { ${REF} } } }
        places { ${REF} }
        projects(first: 100) { ${REF} }
        events(first: 100) { ${REF} date }
        honors { title year ${SOURCE} }
      }
      ... on Place {
        placeType
        parent { ${REF} }
        children { ${REF} }
        projects(first: 100) { ${REF} }
      }
      ... on Event {
        date endDate description category
        people { ${REF} }
        organizations { ${REF} }
        places { ${REF} }
        projects { ${REF} }
      }
      ... on Project {
        investment status
        places { ${REF} }
        organizations { ${REF} }
        events { ${REF} date }
      }
    }
  }`,
  eventCounts: `query Counts($place: ID!) { eventCounts(groupBy: MONTH, placeId: $place) { key count } }`,
  events: `query Events($place: ID!, $from: String, $to: String) {
    events(placeId: $place, from: $from, to: $to, first: 200) { totalCount edges { node { ${REF} date places { ${REF} } } } }
  }`,
  neighborhood: `query Neighborhood($id: ID!, $first: Int!) {
    neighborhood(id: $id, hops: 1, first: $first) {
      nodes { ${REF} }
      relationships { type title start end from { id } to { id } ${SOURCE} }
    }
  }`,
  path: `query Path($from: ID!, $to: ID!) {
    path(from: $from, to: $to, maxHops: 6) {
      length
      nodes { ${REF} }
      relationships { type title start end from { id } to { id } ${SOURCE} }
    }
  }`,
  ref: `query Ref($id: ID!) { node(id: $id) { ${REF} } }`,
  // The yearbook's text around a source's line, for the source panel.
  sourceText: `query SourceText($yearbook: String!, $line: Int!, $before: Int!, $after: Int!) {
    sourceText(yearbook: $yearbook, line: $line, before: $before, after: $after) { line page hasBefore hasAfter lines { line page text } }
  }`,
};
