// A consumer's script, written against a TypeScript client generated from
// the registry's Swagger document (openapi-typescript types, openapi-fetch
// calls), run against a live service: register an organisation pair, an
// agreement between them and a joint action, change one with If-Match,
// revalidate one with If-None-Match, read the year's statistics and an
// error. tsc checks it against the generated types before it runs, so a
// document that drifts from what clients are written against fails CI.
//
//   REGISTRY_URL=http://127.0.0.1:8080 REGISTRY_ADMIN_KEY=... node build/js/client/smoke.js

import createClient from "openapi-fetch";
import type { components, paths } from "../build/schema.js";

type Problem = components["schemas"]["Problem"];

const baseUrl = process.env.REGISTRY_URL;
const key = process.env.REGISTRY_ADMIN_KEY;
if (!baseUrl || !key) {
  throw new Error("set REGISTRY_URL and REGISTRY_ADMIN_KEY");
}

const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${key}` } });

/** must returns the body of an answer with the expected status. */
function must<T>(what: string, status: number, r: { data?: T; error?: unknown; response: Response }): T {
  if (r.response.status !== status || r.data === undefined) {
    throw new Error(`${what}: HTTP ${r.response.status}, want ${status}: ${JSON.stringify(r.error)}`);
  }
  console.log(`ok   ${what}: ${status}`);
  return r.data;
}

function check(what: string, ok: boolean, got: unknown): void {
  if (!ok) {
    throw new Error(`${what}: got ${JSON.stringify(got)}`);
  }
  console.log(`ok   ${what}`);
}

const run = Date.now().toString(36);
const year = 2024;

// An organisation pair: a Chongqing committee and a Sichuan one (admin).
const chongqing = must("register the Chongqing organisation", 201, await client.POST("/v1/organizations", {
  body: { code: `ts-client-cq-${run}`, kind: "cppcc_committee", name_zh: "客户端测试委员会（渝北）", region_code: "500112" },
}));
const sichuan = must("register the Sichuan organisation", 201, await client.POST("/v1/organizations", {
  body: {
    code: `ts-client-sc-${run}`, kind: "cppcc_committee", name_zh: "客户端测试委员会（锦江）",
    name_en: "Client test committee (Jinjiang)", region_code: "510104",
  },
}));
const nameEn: string | null = chongqing.name_en; // nullable fields are typed as such
check("an optional field left out comes back as null", nameEn === null, nameEn);

// An agreement between them, idempotently.
const agreementBody: components["schemas"]["AgreementRequest"] = {
  title_zh: `渝北—锦江 客户端测试合作协议 ${run}`,
  type: "cooperation",
  status: "signed",
  signed_on: `${year}-05`,
  parties: [
    { organization_id: chongqing.code, role: "signatory" },
    { organization_id: sichuan.id, role: "signatory" },
  ],
  areas: [{ area_code: "culture-tourism", label_zh: "文旅交流" }],
};
const created = await client.POST("/v1/agreements", {
  params: { header: { "Idempotency-Key": `ts-client-${run}` } },
  body: agreementBody,
});
const agreement = must("register the agreement", 201, created);
check("Location names the new agreement", created.response.headers.get("Location") === `/v1/agreements/${agreement.id}`,
  created.response.headers.get("Location"));
const replay = await client.POST("/v1/agreements", {
  params: { header: { "Idempotency-Key": `ts-client-${run}` } },
  body: agreementBody,
});
check("a retry replays the first answer", must("retry the registration", 201, replay).id === agreement.id &&
  replay.response.headers.get("Idempotent-Replayed") === "true", replay.response.headers.get("Idempotent-Replayed"));

// It comes into force: a merge patch with the version read.
const inForce = must("put the agreement in force", 200, await client.PATCH("/v1/agreements/{id}", {
  params: { path: { id: agreement.id }, header: { "If-Match": `"${agreement.version}"` } },
  body: { status: "in_force", title_en: "Yubei–Jinjiang client test agreement" },
}));
check("the patch moved the status and the version", inForce.status === "in_force" && inForce.version === 2, inForce);

// A joint action under the agreement.
const action = must("register the joint action", 201, await client.POST("/v1/joint-actions", {
  body: {
    title_zh: `渝北—锦江 联合调研 ${run}`,
    kind: "research",
    status: "completed",
    started_on: `${year}-06`,
    ended_on: `${year}-07-15`,
    agreement_id: agreement.id,
    area_code: "culture-tourism",
    participants: [
      { organization_id: chongqing.code, role: "lead" },
      { organization_id: sichuan.code, role: "partner" },
    ],
    outcomes: [{ kind: "proposal", count: 2, approximate: false, description_zh: "形成联合提案2件" }],
  },
}));
check("the joint action names both organisations",
  action.participants.map((p) => p.organization_code).join(",") === `${chongqing.code},${sichuan.code}`, action.participants);

// Revalidating a record that has not changed: 304, no body.
const again = await client.GET("/v1/joint-actions/{id}", {
  params: { path: { id: action.id }, header: { "If-None-Match": `"${action.version}"` } },
});
check("If-None-Match with the current ETag answers 304", again.response.status === 304, again.response.status);

// The year's figures for the Chongqing organisation.
const stats = must("read the statistics", 200, await client.GET("/v1/stats", {
  params: { query: { year, organization: chongqing.code } },
}));
check("one agreement signed and in force", stats.agreements.signed === 1 && stats.agreements.in_force === 1, stats.agreements);
check("one joint action, research, with a partner in Sichuan", stats.joint_actions.total === 1 &&
  stats.joint_actions.by_kind["research"] === 1 && stats.joint_actions.by_partner_province["510000"] === 1, stats.joint_actions);
check("its outcomes summed", stats.outcomes["proposal"]?.count === 2 && stats.outcomes["proposal"]?.approximate === false, stats.outcomes);

// Errors are typed problem details.
const missing = await client.GET("/v1/agreements/{id}", { params: { path: { id: "0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f" } } });
const problem: Problem | undefined = missing.error;
check("a missing record is a 404 problem", missing.response.status === 404 && problem?.status === 404 &&
  problem.type.endsWith("/not-found"), problem);

console.log(`registered ${chongqing.code}, ${sichuan.code}, agreement ${agreement.id}, joint action ${action.id}`);

// Never called: these lines only have to fail to typecheck. If the
// generated types were loose (any), the @ts-expect-error lines would be
// errors themselves.
export function typesAreStrict(): void {
  // @ts-expect-error "club" is not an organisation kind
  void client.POST("/v1/organizations", { body: { code: "x", kind: "club", name_zh: "x" } });
  // @ts-expect-error title_zh is required in a create
  void client.POST("/v1/agreements", { body: { type: "framework", parties: [] } });
  // @ts-expect-error the If-Match header is required on a change
  void client.PATCH("/v1/agreements/{id}", { params: { path: { id: "x" } }, body: { status: "signed" } });
  // @ts-expect-error year is required
  void client.GET("/v1/stats", { params: { query: {} } });
}
