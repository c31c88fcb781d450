// Server-side rendering with Preact, which escapes every text child and attribute by
// default: a stored `<script>` is printed as text, never run.
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function renderDocument(node: VNode): string {
  return `<!doctype html>${renderToString(node)}`;
}

export function sendPage(reply: FastifyReply, node: VNode, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(renderDocument(node));
}
