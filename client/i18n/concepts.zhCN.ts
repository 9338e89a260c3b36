import type { ConceptsKey } from './concepts.en.ts';

/** 概念自测页面的文字（简体中文）。题目本身的文字来自 shared/game/concepts。 */
export const conceptsZhCN: Record<ConceptsKey, string> = {
  'concepts.title': '概念自测',
  'concepts.intro':
    '关于第 2 章各个概念的题目，数字为你随机生成。你的答案只保存在这个浏览器里；以后再测一次，就能看到自己学到了什么。',
  'concepts.quick': '快速自测（{n} 题）',
  'concepts.full': '完整自测（{n} 题）',
  'concepts.resume': '继续（已答 {done} / {n} 题）',
  'concepts.progress': '第 {i} 题，共 {n} 题',
  'concepts.answerLabel': '你的答案',
  'concepts.check': '检查',
  'concepts.next': '下一题',
  'concepts.finish': '看看我掌握了什么',
  'concepts.right': '正确。',
  'concepts.wrong': '不太对。答案是 {answer}。',
  'concepts.reveals': '这个答案来自：{tag}。',
  'concepts.tolerance': '误差在 ±{tol} 以内算正确。',
  'concepts.notNumber': '请输入一个数，例如 −0.12。',
  'concepts.know': '我掌握了什么',
  'concepts.knowEmpty': '做一次自测，就能逐个概念看到自己掌握了什么。',
  'concepts.score': '上次自测：{total} 题答对 {right} 题（{pct}%）。',
  'concepts.gain': '与第一次自测相比的归一化增益：⟨g⟩ = {g}。',
  'concepts.gainCeiling': '你第一次就是 100%：没有增益可测。',
  'concepts.conceptRow': '{pct}%',
  'concepts.replay': '重玩：{level}',
  'concepts.stars': '{n} / 3 颗星',
  'concepts.strong': '已掌握',
  'concepts.misconceptions': '你的错误答案指向的误解',
  'concepts.noMisconceptions': '上次自测没有显示出误解。',
  'concepts.again': '重新自测',
  'concepts.home': '概念自测',
};
