/** English strings of "predict, then nudge" (solo levels and class rounds); every key also exists in predict.zhCN.ts. */
export const predictEn = {
  'predict.create': 'Predict, then nudge',
  'predict.createHelp':
    'Each player first commits which way C will go and by about how much, then moves; the reveal shows predictions against outcomes.',
  'predict.title': 'Predict first',
  'predict.intro': 'Before you nudge: which way will C go, and by about how much?',
  'predict.sign': 'C will go',
  'predict.down': 'down (ΔC < 0)',
  'predict.up': 'up (ΔC ≥ 0)',
  'predict.size': 'by about |ΔC|',
  'predict.size0': 'under 0.001',
  'predict.size1': '0.001 – 0.01',
  'predict.size2': '0.01 – 0.1',
  'predict.size3': '0.1 or more',
  'predict.commit': 'Commit prediction',
  'predict.committed': 'Prediction kept: C goes {sign}, |ΔC| {size}. Now nudge.',
  'predict.result':
    'You predicted C {sign}, |ΔC| {size}; it went {actual}. Calibration {score} of 100.',
  'predict.went.down': 'down',
  'predict.went.up': 'up',
  'predict.col.down': 'it went down',
  'predict.col.up': 'it went up',
  'predict.mean': 'Prediction calibration over the level: {score} of 100.',
  'predict.class':
    'Predictions: sign right {sign} %, size right {size} % · calibration {score} of 100.',
  'predict.classNone': 'Nobody committed a prediction this round.',
} as const;
export type PredictKey = keyof typeof predictEn;
