/**
 * WebSub topics: the feeds (with their filters) and the pages of the service, each named by its canonical URL,
 * the rel="self" it advertises beside the hub. Pure.
 */

/** What a topic is: a feed of one relation or all, narrowed by its filters, or a page. */
export interface Topic {
  /** The canonical URL: the topic's rel="self". */
  url: string;
  kind: 'feed' | 'page';
  /** null: every relation. */
  relation: string | null;
  type: string | null;
  tag: string | null;
  level: string | null;
}

/** Where the hub is, under an origin. */
export const HUB_PATH = '/v1/websub';
export const hubUrl = (origin: string) => `${origin}${HUB_PATH}`;

/** The `Link` header of a topic (and of its content distributions): its hub and its canonical self, in one header. */
export const topicLinkHeader = (origin: string, self: string) => `<${hubUrl(origin)}>; rel="hub", <${self}>; rel="self"`;
