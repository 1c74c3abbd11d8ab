import { listTasks, type TaskGroup, type TaskKind, type TaskRow } from "@lantoa/db";
import { encodeGlobalID } from "@pothos/plugin-relay";
import * as z from "zod";
import { builder } from "../builder.js";
import { requireViewer, today } from "./mutation-support.js";

const TASK_KINDS = [
  "model-returned",
  "self-assessment-due",
  "scorecard-due",
  "approval-waiting",
  "scorecard-late",
  "corrective-action-overdue",
] as const satisfies readonly TaskKind[];

const TaskKindEnum = builder.enumType("TaskKind", {
  description: "What kind of work waits: for a unit's staff, a reviewer or a unit admin.",
  values: Object.fromEntries(
    TASK_KINDS.map((kind) => [kind.toUpperCase().replaceAll("-", "_"), { value: kind }]),
  ) as Record<string, { value: TaskKind }>,
});

const TaskRef = builder.objectRef<TaskRow>("Task").implement({
  description: "One thing waiting for the viewer, with what names it and the ids to open it.",
  fields: (t) => ({
    kind: t.field({ type: TaskKindEnum, resolve: (task) => task.kind }),
    modelId: t.id({
      nullable: true,
      resolve: (task) => (task.model_id ? encodeGlobalID("Model", task.model_id) : null),
    }),
    modelCode: t.exposeString("model_code", { nullable: true }),
    modelName: t.exposeString("model_name", { nullable: true }),
    unitName: t.exposeString("unit_name", { description: "The unit whose model it is, or that was inspected." }),
    roundId: t.id({
      nullable: true,
      resolve: (task) => (task.round_id ? encodeGlobalID("Round", task.round_id) : null),
    }),
    roundName: t.exposeString("round_name", { nullable: true }),
    correctiveActionId: t.id({
      nullable: true,
      resolve: (task) => (task.action_id ? encodeGlobalID("CorrectiveAction", task.action_id) : null),
    }),
    description: t.exposeString("description", {
      nullable: true,
      description: "What a corrective action asks for; the reviewer's name on a late scorecard.",
    }),
    dueOn: t.exposeString("due_on", { nullable: true, description: "The day it is due by (YYYY-MM-DD), when known." }),
  }),
});

const TaskGroupRef = builder.objectRef<TaskGroup>("TaskGroup").implement({
  description: "The viewer's tasks of one kind: how many in all, and the oldest first.",
  fields: (t) => ({
    kind: t.field({ type: TaskKindEnum, resolve: (g) => g.kind }),
    total: t.exposeInt("total"),
    items: t.field({ type: [TaskRef], resolve: (g) => g.items }),
  }),
});

builder.queryField("myTasks", (t) =>
  t.field({
    type: [TaskGroupRef],
    description:
      "What waits for the viewer (việc cần làm), one group per kind, always in the same order: models of their units returned for changes and self-assessments not yet submitted (unit staff); scorecards assigned to them and not submitted in rounds under review (reviewers); models of units below theirs waiting for approval, scorecards past the review deadline of rounds their units organize, and corrective actions past their day (unit admins; a system admin sees all). Self-assessments and scorecards due carry their step's deadline and come soonest due first. `first` items per group (at most 100), oldest first.",
    authScopes: { signedIn: true },
    args: { first: t.arg.int({ defaultValue: 20, validate: z.number().int().min(1).max(100) }) },
    resolve: (_root, args, context) =>
      listTasks(context.db, requireViewer(context), { today: today(context), limit: args.first ?? 20 }),
  }),
);
