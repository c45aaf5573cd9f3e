/** Calls the benches make to a running service: log in, and count the OCI-P documents it sent. */

/** An access token of the demo world's administrator. */
export async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo', password: 'demo' }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** OCI-P documents the service has sent, from its /metrics. */
export async function documentsSent(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('oci_documents_total'))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}
