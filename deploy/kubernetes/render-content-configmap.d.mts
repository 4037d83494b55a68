/** The ConfigMap holding the catalog files of `contentDir`, keyed by file name. */
export function contentConfigMap(contentDir: string): {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  metadata: { name: string; labels: Record<string, string> };
  data: Record<string, string>;
};
