/** The desk's bindings (desk/wrangler.toml): the main Worker, whose public API the desk calls. */
export interface DeskBindings {
  API: Fetcher;
}

/** Who is signed in: the session's token (the cookie) and its editor as the API answers them. */
export interface SignedIn {
  session: string;
  name: string;
  scopes: string[];
}

export interface DeskEnv {
  Bindings: DeskBindings;
  Variables: { signedIn: SignedIn };
}
