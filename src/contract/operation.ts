/**
 * An API operation, declared once: its id, method and path, who may call it, and zod schemas for
 * its path parameters, query, body and response. The server registers its route from this
 * declaration (src/server/operation.ts: validation, serialisation through the response schema so
 * only declared fields leave, the role check, the OpenAPI entry), and the dashboard calls it
 * through the same declaration (web/src/client.ts), so the three cannot drift apart.
 *
 * Request schemas are checked on the server by Fastify's JSON-schema validator, from the JSON
 * Schema this file derives (OpenAPI 3.0 dialect): write them without transforms, so the type
 * the handler sees (`z.output`) is what the validator lets through.
 */
import { z } from "zod";
import type { ProblemCode } from "./problems.ts";
import type { Role } from "./roles.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

// biome-ignore lint/suspicious/noExplicitAny: any zod schema may stand in these positions
type AnySchema = z.ZodType<any, any>;

export interface Operation {
  /** Unique, camelCase: the OpenAPI operationId and the name a client calls it by. */
  readonly operationId: string;
  readonly method: Method;
  /** Under /api, Fastify's spelling of parameters: `/contracts/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** Who may call it; an operation open to `public` is marked public in the OpenAPI document. */
  readonly roles: readonly Role[];
  readonly params?: AnySchema;
  readonly query?: AnySchema;
  readonly body?: AnySchema;
  /** The body of the success answer (for a file download, `z.string()` with `produces`). */
  readonly response: AnySchema;
  /** The success status: 200 unless stated. */
  readonly status?: 200 | 201 | 202 | 204;
  /**
   * Other success statuses the handler may set itself, answered with the same response schema
   * (a PUT that creates or replaces answers 201 when it creates, 200 when it replaces).
   */
  readonly otherStatuses?: readonly (200 | 201 | 202)[];
  /** The media type of the success answer when it is not JSON (text/csv, text/calendar, ...). */
  readonly produces?: string;
  /** Problems this operation may answer beyond those every operation of its kind may. */
  readonly errors?: readonly ProblemCode[];
  /** Largest request body accepted, in bytes, when not the default. */
  readonly bodyLimit?: number;
}

/** Declares an operation, keeping its literal types for the server and the client. */
export function defineOperation<const O extends Operation>(op: O): O {
  return op;
}

type Out<S> = S extends AnySchema ? z.output<S> : undefined;
type In<S> = S extends AnySchema ? z.input<S> : undefined;

/** What the handler receives, as validated. */
export interface Validated<O extends Operation> {
  params: Out<O["params"]>;
  query: Out<O["query"]>;
  body: Out<O["body"]>;
}

/** What the handler returns: the response schema's type. */
export type Reply<O extends Operation> = z.input<O["response"]>;

/** What a client sends: only the parts the operation declares. */
export type CallInput<O extends Operation> = (O["params"] extends AnySchema ? { params: In<O["params"]> } : object) &
  (O["query"] extends AnySchema ? { query?: In<O["query"]> } : object) &
  (O["body"] extends AnySchema ? { body: In<O["body"]> } : object);

/** What a client receives on success. */
export type CallOutput<O extends Operation> = z.output<O["response"]>;

/**
 * The JSON Schema (OpenAPI 3.0 dialect, which Fastify's validator also reads) of a zod schema.
 * `io: "input"` for what a client sends (a field with a default may be left out), `"output"` for
 * what the server answers.
 */
export function jsonSchemaOf(schema: AnySchema, io: "input" | "output"): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { target: "openapi-3.0", io, unrepresentable: "any", reused: "inline" }) as Record<
    string,
    unknown
  >;
  delete out.$schema;
  // Registered ids (.meta({ id })) become $defs; this API inlines every schema.
  delete out.id;
  return out;
}

/** The path with its parameters filled in, each percent-encoded: `/api/contracts/a%2Fb`. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return `/api${path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined || v === null) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(v));
  })}`;
}
