// A check's outcome as the window is told it: one of the statuses both sides name.
import { z } from 'zod';
import { CHECK_STATUSES } from '../vocabulary.js';

export const CheckStatusSchema = z.enum(CHECK_STATUSES);
