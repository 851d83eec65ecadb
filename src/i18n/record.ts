/** Strings of the export dialog: clips, snapshots and live recording. */

/** A number as the dialog shows it: up to 3 decimals, no trailing zeros. */
const num = (x: number) => String(Number(x.toFixed(3)));

/** Russian plural: 1 шаг, 2 шага, 5 шагов; a fraction takes the genitive singular (0,5 шага). */
function ruPlural(x: number, one: string, few: string, many: string): string {
  if (!Number.isInteger(x)) return few;
  const n = Math.abs(x) % 100;
  const d = n % 10;
  if (n >= 11 && n <= 14) return many;
  if (d === 1) return one;
  return d >= 2 && d <= 4 ? few : many;
}

export const en = {
  exportButton: 'Export',
  exportTitle: 'Save the race as a video clip or a still for your slides',
  dialogTitle: 'Export the race',
  close: 'Close',
  format: 'Format',
  formats: { mp4: 'MP4 (H.264)', webm: 'WebM (VP9)' } as Record<string, string>,
  resolution: 'Resolution',
  custom: 'Custom…',
  width: 'Width',
  height: 'Height',
  fps: 'Frame rate',
  fpsValue: (n: number) => `${n} fps`,
  length: 'Length',
  seconds: 'Seconds',
  untilFinished: 'Until the race finishes',
  holdNote: (s: number) => `then the last frame stays for ${s} s`,
  stepsPerSecond: 'Race steps per second of video',
  stepsPerFrame: (x: number) => `${num(x)} ${x === 1 ? 'step' : 'steps'} a frame`,
  camera: 'Camera',
  cameraCurrent: 'The current view',
  cameraOrbit: 'A slow orbit around the landscape',
  burnIn: 'Burned into the frames',
  title: 'Title (the scene’s caption)',
  legend: 'Legend',
  stepCounter: 'Step counter',
  lossChart: 'Loss chart',
  ballLabels: 'Labels on the balls',
  plan: (frames: number, seconds: string, lastStep: number) =>
    `${frames} frames, ${seconds} s, steps 0–${lastStep}`,
  capped: (s: number) => `The race does not finish within ${s} s; the clip stops there.`,
  codecChecking: 'Checking the encoders…',
  codecUsed: (codec: string, container: string) => `Encoded as ${codec} in ${container}.`,
  codecFallback: (codec: string, wanted: string, container: string) =>
    `${wanted} cannot be encoded here at this size; using ${codec} in ${container}.`,
  noCodec: 'This browser cannot encode this format at this size. Try WebM or a smaller size.',
  frameByFrame:
    'Rendered frame by frame: no frame is ever dropped, and the same settings give the same clip. The live race is put back afterwards.',
  start: 'Export clip',
  cancel: 'Cancel',
  progress: (done: number, total: number) => `Frame ${done} of ${total}`,
  timeLeft: (text: string) => `about ${text} left`,
  done: (file: string, size: string, codec: string) => `Saved ${file} (${codec}, ${size}).`,
  cancelled: 'Export cancelled; nothing was saved.',
  failed: (message: string) => `Export failed: ${message}`,
  busy: 'Another export is still running.',
  noCanvas: 'The 3D view is not ready yet.',
  sizeNotEven: 'Width and height must be even numbers (H.264 needs them).',
  sizeOutOfRange: (min: number, max: number) => `Width and height must be from ${min} to ${max}.`,
  snapshot: 'Save PNG',
  snapshotTitle: 'A still of the race as it is now, at the chosen resolution, with the overlays',
  snapshotDone: (file: string) => `Saved ${file}.`,
  liveHeading: 'Record live',
  liveNote:
    'Real time, WebM, the 3D view only, at its size on screen. Slow frames are dropped; for a perfect clip use Export clip.',
  liveStart: 'Record live',
  liveStop: (time: string) => `Stop recording ${time}`,
  liveStopTitle: 'Stop the live recording and save it as WebM',
  liveUnavailable: 'This browser cannot record the canvas either.',
  noWebCodecs:
    'This browser has no WebCodecs video encoder, so clips cannot be rendered frame by frame here. Record live instead (real time, frames may drop), or open the app in a recent Chrome, Edge, Firefox or Safari.',
};

export const ru: typeof en = {
  exportButton: 'Экспорт',
  exportTitle: 'Сохранить гонку как видеоролик или кадр для слайдов',
  dialogTitle: 'Экспорт гонки',
  close: 'Закрыть',
  format: 'Формат',
  formats: { mp4: 'MP4 (H.264)', webm: 'WebM (VP9)' },
  resolution: 'Разрешение',
  custom: 'Своё…',
  width: 'Ширина',
  height: 'Высота',
  fps: 'Частота кадров',
  fpsValue: (n) => `${n} кадр/с`,
  length: 'Длина',
  seconds: 'Секунды',
  untilFinished: 'Пока гонка не закончится',
  holdNote: (s) => `затем последний кадр стоит ${s} с`,
  stepsPerSecond: 'Шагов гонки на секунду видео',
  stepsPerFrame: (x) =>
    `${num(x).replace('.', ',')} ${ruPlural(x, 'шаг', 'шага', 'шагов')} на кадр`,
  camera: 'Камера',
  cameraCurrent: 'Текущий вид',
  cameraOrbit: 'Медленный облёт вокруг поверхности',
  burnIn: 'Впечатать в кадр',
  title: 'Заголовок (подпись сцены)',
  legend: 'Легенда',
  stepCounter: 'Счётчик шагов',
  lossChart: 'График потерь',
  ballLabels: 'Подписи у шариков',
  plan: (frames, seconds, lastStep) =>
    `${frames} ${ruPlural(frames, 'кадр', 'кадра', 'кадров')}, ${seconds.replace('.', ',')} с, шаги 0–${lastStep}`,
  capped: (s) => `Гонка не заканчивается за ${s} с; ролик обрывается на этом месте.`,
  codecChecking: 'Проверяю кодеки…',
  codecUsed: (codec, container) => `Кодек ${codec}, контейнер ${container}.`,
  codecFallback: (codec, wanted, container) =>
    `${wanted} здесь не кодируется в таком размере; вместо него ${codec} в ${container}.`,
  noCodec:
    'Этот браузер не умеет кодировать этот формат в таком размере. Попробуйте WebM или размер поменьше.',
  frameByFrame:
    'Ролик считается кадр за кадром: ни один кадр не теряется, и одни и те же настройки дают тот же ролик. Живая гонка потом возвращается как была.',
  start: 'Сохранить ролик',
  cancel: 'Отмена',
  progress: (done, total) => `Кадр ${done} из ${total}`,
  timeLeft: (text) => `осталось около ${text}`,
  done: (file, size, codec) => `Сохранено: ${file} (${codec}, ${size}).`,
  cancelled: 'Экспорт отменён, ничего не сохранено.',
  failed: (message) => `Экспорт не удался: ${message}`,
  busy: 'Ещё идёт другой экспорт.',
  noCanvas: '3D-вид ещё не готов.',
  sizeNotEven: 'Ширина и высота должны быть чётными (этого требует H.264).',
  sizeOutOfRange: (min, max) => `Ширина и высота должны быть от ${min} до ${max}.`,
  snapshot: 'Сохранить PNG',
  snapshotTitle: 'Кадр гонки в её нынешнем состоянии, в выбранном разрешении, с надписями',
  snapshotDone: (file) => `Сохранено: ${file}.`,
  liveHeading: 'Запись с экрана',
  liveNote:
    'В реальном времени, WebM, только 3D-вид и в его экранном размере. Медленные кадры пропадают; для безупречного ролика — «Сохранить ролик».',
  liveStart: 'Записывать',
  liveStop: (time) => `Остановить запись ${time}`,
  liveStopTitle: 'Остановить запись и сохранить её в WebM',
  liveUnavailable: 'Записать холст этот браузер тоже не может.',
  noWebCodecs:
    'В этом браузере нет видеокодера WebCodecs, поэтому ролик нельзя отрисовать кадр за кадром. Запишите гонку с экрана (в реальном времени, кадры могут теряться) или откройте приложение в свежем Chrome, Edge, Firefox или Safari.',
};
