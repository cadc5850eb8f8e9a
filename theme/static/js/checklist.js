// Checklists: ticks saved per page, progress, reset. (Being written.)
