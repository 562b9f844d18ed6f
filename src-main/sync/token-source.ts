/**
 * Where sync code gets a backend's API token. The app wires it to the host's secret store
 * (`SecretStore.get(backendSecretName(name))`, see src-main/host/secret-store.ts); the CLI
 * to environment variables. Tokens never travel to the renderer.
 */
export interface TokenSource {
  getToken(backendName: string): Promise<string | undefined>;
}

/** Tokens from environment variables, one variable per backend (the CLI's `tokenEnv`). */
export function envTokenSource(env: Readonly<Record<string, string | undefined>>, variables: Readonly<Record<string, string>>): TokenSource {
  return {
    async getToken(name) {
      const variable = variables[name];
      const value = variable ? env[variable]?.trim() : undefined;
      return value || undefined;
    },
  };
}

/** Fixed tokens, for tests. */
export function staticTokenSource(tokens: Readonly<Record<string, string>>): TokenSource {
  return { getToken: async (name) => tokens[name] };
}

/** Adapts anything with an async `get(name)` (the host's SecretStore) under a name scheme. */
export function secretTokenSource(store: { get(name: string): Promise<string | undefined> }, secretName: (backend: string) => string): TokenSource {
  return { getToken: (backend) => store.get(secretName(backend)) };
}
