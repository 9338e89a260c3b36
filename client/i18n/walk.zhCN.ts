import type { WalkKey } from './walk.en.ts';

/** 反向传播逐步演示与小恶魔的简体中文文本；术语与 Nielsen 第二章中译本一致。 */
export const walkZhCN: Record<WalkKey, string> = {
  'walk.open': '观看反向传播',
  'walk.openExample': '在示例网络上观看反向传播',
  'walk.title': '一步一步看反向传播',
  'walk.play': '播放',
  'walk.pause': '暂停',
  'walk.next': '下一步',
  'walk.back': '上一步',
  'walk.close': '关闭',
  'walk.speed': '速度',
  'walk.numbers': '数值取自',
  'walk.mean': '整批均值（n = {n}）',
  'walk.sample': '样本 {x}',
  'walk.steps': '这一遍计算的步骤',
  'walk.example': '这是一个与本关相似的网络上的示例。关闭后开始你的题目。',
  'walk.toPuzzle': '开始题目',
  'walk.step.forward': '前向 · 第 {l} 层',
  'walk.step.bp1': 'BP1 · 输出层 L',
  'walk.step.bp2': 'BP2 · 第 {l} 层',
  'walk.step.bp3': 'BP3 · ∂C/∂b',
  'walk.step.bp4': 'BP4 · ∂C/∂w',
  'walk.step.demon': '小恶魔出手',
  'walk.say.forward':
    '第 {l} 层的每个神经元把第 {lp} 层的激活值加权求和，加上偏置得到 z，再经激活函数得到 a = σ(z)。',
  'walk.say.bp1': '误差从输出层开始：C 随 a 变化的快慢，乘以 a 随 z 变化的快慢。',
  'walk.say.bp2': '第 {l} 层的 δ 来自第 {ln} 层：那里的 δ 沿权重流回，再乘以本层的 σ′(z)。',
  'walk.say.bp3': '偏置直接加在 z 上，所以它的梯度就是 δ 本身。',
  'walk.say.bp4':
    '权重的梯度是它所传递的激活值乘以它所指向神经元的 δ：来自不活跃神经元的权重几乎学不到东西。',
  'walk.say.demon': '小恶魔坐在 |δ| 最大的神经元上，逆着 δ 的符号加上 Δz：损失函数约变化 δ·Δz。',
  'walk.focus': '此处写出的是 {what}。',
  'demon.label': '小恶魔',
  'demon.happy': '小恶魔很满意：损失下降了。',
  'demon.grimace': '小恶魔皱眉：损失上升了。',
};
