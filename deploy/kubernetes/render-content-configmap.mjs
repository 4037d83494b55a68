#!/usr/bin/env node
// Prints the ConfigMap the Deployment mounts at CONTENT_DIR, built from the catalog files of a
// content folder (default ./content), so the cluster serves the catalog of this checkout:
//   node deploy/kubernetes/render-content-configmap.mjs content | kubectl apply -f -
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import YAML from 'yaml';

/** The ConfigMap holding the catalog files of `contentDir`, keyed by file name. */
export function contentConfigMap(contentDir) {
  const entries = readdirSync(contentDir, { withFileTypes: true });
  const folder = entries.find((entry) => entry.isDirectory());
  if (folder) {
    throw new Error(
      `${contentDir}/${folder.name} is a folder: a ConfigMap holds files only. Keep the catalog's files at the top of content/, or build your own image with the content baked in.`,
    );
  }
  const files = entries
    // The bot never loads a README (the curator's guide).
    .filter((entry) => entry.isFile() && entry.name !== 'README.md')
    .map((entry) => entry.name)
    .sort();
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'devops-bot-content', labels: { 'app.kubernetes.io/name': 'devops-bot' } },
    data: Object.fromEntries(
      files.map((name) => [name, readFileSync(path.join(contentDir, name), 'utf8')]),
    ),
  };
}

if (process.argv[1] === import.meta.filename) {
  const contentDir = path.resolve(process.argv[2] ?? 'content');
  process.stdout.write(
    YAML.stringify(contentConfigMap(contentDir), { lineWidth: 0, blockQuote: 'literal' }),
  );
}
