/** English strings of the class concept check (phone, projector, host form); every key also exists in classCheck.zhCN.ts. */
export const classCheckEn = {
  'check.create.pre': 'Concept check before the game',
  'check.create.preHelp':
    'Ten questions in the lobby, one per idea of the chapter, with numbers drawn for each student. It closes when round 1 starts.',
  'check.create.post': 'Concept check after the game',
  'check.create.postHelp':
    'The same questions with new numbers, once the last round has closed: the end screen shows each student’s gain.',
  'check.title.pre': 'Before we play: what do you know?',
  'check.title.post': 'After the game: what do you know now?',
  'check.intro.pre':
    'Ten short questions, numbers drawn for you. Nobody sees your answers but the teacher; you will not be told right or wrong now.',
  'check.intro.post':
    'The same ideas as before, with new numbers. Your teacher will show the class what it learnt.',
  'check.progress': 'Question {i} of {n}',
  'check.answerLabel': 'Your answer',
  'check.save': 'Save answer',
  'check.tolerance': 'Within ±{tol} counts as right.',
  'check.toleranceRel':
    'Within ±{abs} or ±{rel} % of the answer, whichever is larger, counts as right.',
  'check.notNumber': 'Type a number, for example −0.12.',
  'check.sending': 'Saving…',
  'check.done.pre': 'Your answers are in. The game starts soon.',
  'check.done.post': 'Your answers are in. Thank you!',
  'check.closed': 'The check has closed.',
  'check.lobby': 'Concept check: {done} of {n} students finished.',
  'check.lobby.help': 'Wait for the class to finish: the check closes when you start round 1.',
  'check.end.heading': 'What the class learnt',
  'check.end.status': 'Before: {pre} of {n} finished · after: {post} of {n} finished.',
  'check.end.gain': 'Normalised gain ⟨g⟩ = {g}',
  'check.end.gainNone': 'The gain shows once students have finished both checks.',
  'check.end.gainCeiling': 'The class started at 100 %: no gain to measure.',
  'check.end.means': 'Class mean {pre} % before → {post} % after ({n} took both checks).',
  'check.end.concept': 'Concept',
  'check.end.before': 'Before',
  'check.end.after': 'After',
  'check.end.g': 'g',
  'check.end.top':
    'Most common misconception: {tag} — {share} % of the class after ({pre} % before).',
  'check.end.topPre': 'Most common misconception before the game: {tag} — {share} % of the class.',
  'check.end.topNone': 'No misconception showed.',
  'check.end.misconceptions': 'Misconceptions by share of the class',
  'check.end.tag': 'Misconception',
  'check.end.students': 'Students',
  'check.end.student': 'Student',
  'check.end.csv': 'Download the check (CSV)',
  'check.reveal.common': 'Most common slip this round ({count} of {n} moves): {tag}.',
  'check.end.moveTags': 'Misconceptions in moves',
  'check.end.postOpen': 'The check after the game is open on the phones.',
} as const;
export type ClassCheckKey = keyof typeof classCheckEn;
