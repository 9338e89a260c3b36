import type { PredictKey } from './predict.en.ts';

/** “先预测，再推动”的简体中文文本。 */
export const predictZhCN: Record<PredictKey, string> = {
  'predict.create': '先预测，再推动',
  'predict.createHelp':
    '每位玩家先提交 C 的变化方向和大致幅度，再走一步；揭晓时显示预测与结果的对比。',
  'predict.title': '先预测',
  'predict.intro': '推动之前：C 会往哪个方向变，大约变多少？',
  'predict.sign': 'C 会',
  'predict.down': '下降（ΔC < 0）',
  'predict.up': '上升（ΔC ≥ 0）',
  'predict.size': '|ΔC| 大约',
  'predict.size0': '小于 0.001',
  'predict.size1': '0.001 – 0.01',
  'predict.size2': '0.01 – 0.1',
  'predict.size3': '0.1 或更大',
  'predict.commit': '提交预测',
  'predict.committed': '预测已保存：C {sign}，|ΔC| {size}。现在推动吧。',
  'predict.result': '你预测 C {sign}，|ΔC| {size}；实际是{actual}。校准分 {score}/100。',
  'predict.went.down': '下降',
  'predict.went.up': '上升',
  'predict.col.down': '实际下降',
  'predict.col.up': '实际上升',
  'predict.mean': '本关预测的平均校准分：{score}/100。',
  'predict.class': '预测：符号正确 {sign} %，大小正确 {size} % · 校准分 {score}/100。',
  'predict.classNone': '本轮没有人提交预测。',
};
