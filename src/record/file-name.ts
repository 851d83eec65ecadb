/** What a clip's or snapshot's file name is made of. */
export interface FileNameParts {
  /** The preset scene, if any (it names the file); else the landscape's id. */
  scene: string | null;
  landscapeId: string;
  width: number;
  height: number;
}

/** Lower-case letters, digits and single dashes: safe in every file system and URL. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, 40).replace(/-+$/, '') || 'custom';
}

/** `race-rosenbrock-1280x720-60fps.mp4`: the scene (or landscape), size, frame rate, container. */
export function clipFileName(parts: FileNameParts, fps: number, extension: string): string {
  const name = slug(parts.scene ?? parts.landscapeId);
  return `race-${name}-${parts.width}x${parts.height}-${fps}fps.${extension.replace(/^\./, '')}`;
}

/** `race-rosenbrock-1920x1080-step240.png`: a snapshot names the step it shows. */
export function snapshotFileName(parts: FileNameParts, step: number): string {
  return `race-${slug(parts.scene ?? parts.landscapeId)}-${parts.width}x${parts.height}-step${step}.png`;
}

/** `race-rosenbrock-live.webm`: a live recording, real time. */
export function liveFileName(parts: Pick<FileNameParts, 'scene' | 'landscapeId'>): string {
  return `race-${slug(parts.scene ?? parts.landscapeId)}-live.webm`;
}
