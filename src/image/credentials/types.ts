/**
 * Credentials for one registry. An identity token is an OAuth2 refresh token (docker's
 * `identitytoken`, or a credential helper answering with the user `<token>`); it is
 * exchanged at the token realm and never sent to the registry itself.
 */
export type Credentials =
  | { kind: 'basic'; username: string; password: string; from: string }
  | { kind: 'identity-token'; token: string; from: string };

export interface CredentialOptions {
  /** A docker config.json to read instead of $DOCKER_CONFIG/config.json or ~/.docker. */
  authFile?: string;
  username?: string;
  password?: string;
  /** Environment to read DOCKER_CONFIG, HOME and PATH from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}
