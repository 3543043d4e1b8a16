import * as client from "openid-client";
import type { Config } from "../../config.ts";

export interface Oidc {
  label: string;
  redirectUri: string;
  /** Where to send the browser, and what to keep until it comes back. */
  begin: () => Promise<{ url: string; state: string; nonce: string; codeVerifier: string }>;
  /** Exchanges the code and returns the verified identity. */
  finish: (
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ) => Promise<{
    issuer: string;
    subject: string;
    email: string | null;
    emailVerified: boolean;
    name: string | null;
  }>;
}

/** OpenID Connect sign-in for a municipality's identity provider (authorisation code + PKCE). */
export async function createOidc(config: Config): Promise<Oidc> {
  const oidc = config.oidc!;
  const issuerUrl = new URL(oidc.issuer);
  const configuration = await client.discovery(
    issuerUrl,
    oidc.clientId,
    oidc.clientSecret,
    undefined,
    issuerUrl.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  const base = config.PARAPLY_PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const redirectUri = new URL("/api/auth/oidc/callback", base).toString();
  return {
    label: oidc.label,
    redirectUri,
    begin: async () => {
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: "openid email profile",
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      return { url: url.toString(), state, nonce, codeVerifier };
    },
    finish: async (callbackUrl, checks) => {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error("The identity provider sent no ID token");
      // Providers that follow the spec strictly put scope claims (email, name) only in
      // userinfo when an access token is issued; ask there when the ID token lacks them.
      const claims: Record<string, unknown> & { iss: string; sub: string } =
        typeof idClaims.email === "string"
          ? idClaims
          : {
              ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)),
              ...idClaims,
            };
      return {
        issuer: claims.iss,
        subject: claims.sub,
        email: typeof claims.email === "string" ? claims.email.toLowerCase() : null,
        emailVerified: claims.email_verified === true,
        name: typeof claims.name === "string" ? claims.name : null,
      };
    },
  };
}
