//! The Cranelift backend: an optimized trace becomes one native function.
//!
//! The function has the C signature `fn(frame: *mut i64) -> i64`. It loads
//! the frame slots it reads (`input`), runs the trace, and returns an exit
//! id. A loop trace becomes an entry block plus a loop block whose block
//! parameters are the loop-carried slots (the `label` arguments); `jump`
//! branches back there, so a hot loop never leaves native code.
//!
//! Every guard branches to its own cold exit block. The block writes the
//! values its snapshot names back into the frame (plus, inside a loop, the
//! loop-carried slots, whose frame copies are stale after the first
//! iteration) and returns `exit_base + snapshot index`. The driver maps that
//! id to the interpreter position, a bridge, or another trace.
//!
//! All JIT values are machine words in Cranelift registers or spill slots on
//! the native stack, which the GC scans conservatively: no stack maps needed.

use crate::ir::{is_const, Op, Ref, Trace};
use cranelift_codegen::ir::{types, AbiParam, BlockArg, InstBuilder, MemFlagsData as MemFlags, Value};
use cranelift_codegen::isa::TargetFrontendConfig;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{Linkage, Module};

/// A compiled trace: `extern "C" fn(frame) -> exit id`.
pub type TraceFn = unsafe extern "C" fn(*mut i64) -> i64;

/// Owns the JIT code memory; dropping it frees every compiled trace.
pub struct Backend {
    module: Option<JITModule>,
    ctx: cranelift_codegen::Context,
    fctx: FunctionBuilderContext,
    count: usize,
}

impl Backend {
    pub fn new() -> Result<Backend, String> {
        let mut flags = settings::builder();
        let set = |f: &mut settings::Builder, k: &str, v: &str| f.set(k, v).map_err(|e| e.to_string());
        let level = std::env::var("VMBENCH_JIT_CLIF_OPT").unwrap_or_else(|_| "speed".into());
        set(&mut flags, "opt_level", &level)?;
        set(&mut flags, "enable_verifier", if cfg!(debug_assertions) { "true" } else { "false" })?;
        let isa = cranelift_native::builder()
            .map_err(|e| e.to_string())?
            .finish(settings::Flags::new(flags))
            .map_err(|e| e.to_string())?;
        let module = JITModule::new(JITBuilder::with_isa(isa, cranelift_module::default_libcall_names()));
        let ctx = module.make_context();
        Ok(Backend { module: Some(module), ctx, fctx: FunctionBuilderContext::new(), count: 0 })
    }

    /// Compiles `t`; guard `k` returns `exit_base + k`.
    pub fn compile(&mut self, t: &Trace, exit_base: u32) -> Result<TraceFn, String> {
        let module = self.module.as_mut().ok_or("backend closed")?;
        module.clear_context(&mut self.ctx);
        let word = types::I64;
        self.ctx.func.signature.params.push(AbiParam::new(word));
        self.ctx.func.signature.returns.push(AbiParam::new(word));
        let cfg = module.target_config();
        lower(t, exit_base, &mut self.ctx.func, &mut self.fctx, cfg)?;
        self.count += 1;
        let name = format!("trace{}", self.count);
        let sig = self.ctx.func.signature.clone();
        let id = module.declare_function(&name, Linkage::Local, &sig).map_err(|e| e.to_string())?;
        module.define_function(id, &mut self.ctx).map_err(|e| format!("{e:?}"))?;
        module.clear_context(&mut self.ctx);
        module.finalize_definitions().map_err(|e| e.to_string())?;
        let p = module.get_finalized_function(id);
        // SAFETY: the function was just defined with exactly this signature.
        Ok(unsafe { std::mem::transmute::<*const u8, TraceFn>(p) })
    }
}

impl Drop for Backend {
    fn drop(&mut self) {
        if let Some(m) = self.module.take() {
            // SAFETY: the JIT owner drops compiled code only when no trace runs.
            unsafe { m.free_memory() };
        }
    }
}

fn lower(
    t: &Trace,
    exit_base: u32,
    func: &mut cranelift_codegen::ir::Function,
    fctx: &mut FunctionBuilderContext,
    cfg: TargetFrontendConfig,
) -> Result<(), String> {
    let word = types::I64;
    let mf = MemFlags::trusted();
    let mut b = FunctionBuilder::new(func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let frame = b.block_params(entry)[0];
    let mut vals: Vec<Option<Value>> = vec![None; t.insts.len()];
    // Loop-carried slots: (slot, ref bound at the label); refreshed at the label.
    let mut inputs: Vec<(u32, Ref)> = Vec::new();
    let mut carried: Vec<(u32, Ref)> = Vec::new();
    let mut last_ovf: Option<Value> = None;
    let get = |b: &mut FunctionBuilder, vals: &Vec<Option<Value>>, r: Ref| -> Result<Value, String> {
        if is_const(r) {
            let c = t.const_of(r).ok_or("bad constant ref")?;
            Ok(b.ins().iconst(word, c))
        } else {
            vals.get(r as usize).copied().flatten().ok_or_else(|| format!("v{r} used before definition"))
        }
    };
    for (i, inst) in t.insts.iter().enumerate() {
        let a = &inst.args;
        let arg = |b: &mut FunctionBuilder, vals: &Vec<Option<Value>>, k: usize| -> Result<Value, String> {
            get(b, vals, *a.get(k).ok_or("missing argument")?)
        };
        let v: Option<Value> = match inst.op {
            Op::Input => {
                let slot = t.const_of(a[0]).ok_or("input needs a constant slot")?;
                inputs.push((slot as u32, i as Ref));
                Some(b.ins().load(word, mf, frame, (slot * 8) as i32))
            }
            Op::IntAdd | Op::IntSub | Op::IntMul | Op::IntAnd | Op::IntOr | Op::IntXor | Op::IntShl | Op::IntSar => {
                let (x, y) = (arg(&mut b, &vals, 0)?, arg(&mut b, &vals, 1)?);
                let ins = b.ins();
                Some(match inst.op {
                    Op::IntAdd => ins.iadd(x, y),
                    Op::IntSub => ins.isub(x, y),
                    Op::IntMul => ins.imul(x, y),
                    Op::IntAnd => ins.band(x, y),
                    Op::IntOr => ins.bor(x, y),
                    Op::IntXor => ins.bxor(x, y),
                    Op::IntShl => ins.ishl(x, y),
                    _ => ins.sshr(x, y),
                })
            }
            Op::IntNeg => {
                let x = arg(&mut b, &vals, 0)?;
                Some(b.ins().ineg(x))
            }
            Op::IntAddOvf | Op::IntSubOvf | Op::IntMulOvf => {
                let (x, y) = (arg(&mut b, &vals, 0)?, arg(&mut b, &vals, 1)?);
                let (r, of) = match inst.op {
                    Op::IntAddOvf => b.ins().sadd_overflow(x, y),
                    Op::IntSubOvf => b.ins().ssub_overflow(x, y),
                    _ => b.ins().smul_overflow(x, y),
                };
                last_ovf = Some(of);
                Some(r)
            }
            Op::IntEq | Op::IntNe | Op::IntLt | Op::IntLe | Op::IntGt | Op::IntGe | Op::UintLt => {
                let (x, y) = (arg(&mut b, &vals, 0)?, arg(&mut b, &vals, 1)?);
                let cc = match inst.op {
                    Op::IntEq => IntCC::Equal,
                    Op::IntNe => IntCC::NotEqual,
                    Op::IntLt => IntCC::SignedLessThan,
                    Op::IntLe => IntCC::SignedLessThanOrEqual,
                    Op::IntGt => IntCC::SignedGreaterThan,
                    Op::IntGe => IntCC::SignedGreaterThanOrEqual,
                    _ => IntCC::UnsignedLessThan,
                };
                let c = b.ins().icmp(cc, x, y);
                Some(b.ins().uextend(word, c))
            }
            Op::FloatAdd | Op::FloatSub | Op::FloatMul | Op::FloatDiv | Op::FloatLt | Op::FloatEq => {
                let (x, y) = (arg(&mut b, &vals, 0)?, arg(&mut b, &vals, 1)?);
                let fx = b.ins().bitcast(types::F64, MemFlags::new(), x);
                let fy = b.ins().bitcast(types::F64, MemFlags::new(), y);
                let r = match inst.op {
                    Op::FloatAdd => b.ins().fadd(fx, fy),
                    Op::FloatSub => b.ins().fsub(fx, fy),
                    Op::FloatMul => b.ins().fmul(fx, fy),
                    Op::FloatDiv => b.ins().fdiv(fx, fy),
                    _ => {
                        let cc = if inst.op == Op::FloatLt { FloatCC::LessThan } else { FloatCC::Equal };
                        let c = b.ins().fcmp(cc, fx, fy);
                        vals[i] = Some(b.ins().uextend(word, c));
                        continue;
                    }
                };
                Some(b.ins().bitcast(word, MemFlags::new(), r))
            }
            Op::IntToFloat => {
                let x = arg(&mut b, &vals, 0)?;
                let f = b.ins().fcvt_from_sint(types::F64, x);
                Some(b.ins().bitcast(word, MemFlags::new(), f))
            }
            Op::FloatToInt => {
                let x = arg(&mut b, &vals, 0)?;
                let f = b.ins().bitcast(types::F64, MemFlags::new(), x);
                Some(b.ins().fcvt_to_sint_sat(word, f))
            }
            Op::GetField => {
                let base = arg(&mut b, &vals, 0)?;
                let off = t.const_of(a[1]).ok_or("getfield needs a constant offset")?;
                Some(b.ins().load(word, mf, base, off as i32))
            }
            Op::SetField => {
                let (base, x) = (arg(&mut b, &vals, 0)?, arg(&mut b, &vals, 2)?);
                let off = t.const_of(a[1]).ok_or("setfield needs a constant offset")?;
                b.ins().store(mf, x, base, off as i32);
                None
            }
            Op::GetByte | Op::GetItem => {
                let (base, idx) = (arg(&mut b, &vals, 0)?, arg(&mut b, &vals, 1)?);
                if inst.op == Op::GetByte {
                    let p = b.ins().iadd(base, idx);
                    Some(b.ins().uload8(word, mf, p, 0))
                } else {
                    let s = b.ins().ishl_imm_u(idx, 3);
                    let p = b.ins().iadd(base, s);
                    Some(b.ins().load(word, mf, p, 0))
                }
            }
            Op::SetByte | Op::SetItem => {
                let (base, idx, x) = (arg(&mut b, &vals, 0)?, arg(&mut b, &vals, 1)?, arg(&mut b, &vals, 2)?);
                if inst.op == Op::SetByte {
                    let p = b.ins().iadd(base, idx);
                    b.ins().istore8(mf, x, p, 0);
                } else {
                    let s = b.ins().ishl_imm_u(idx, 3);
                    let p = b.ins().iadd(base, s);
                    b.ins().store(mf, x, p, 0);
                }
                None
            }
            Op::New | Op::CallPure | Op::CallReads | Op::Call | Op::CallRaises => {
                let callee = arg(&mut b, &vals, 0)?;
                let mut args = Vec::new();
                for k in 1..a.len() {
                    args.push(arg(&mut b, &vals, k)?);
                }
                let mut sig = cranelift_codegen::ir::Signature::new(b.func.signature.call_conv);
                for _ in &args {
                    sig.params.push(AbiParam::new(word));
                }
                sig.returns.push(AbiParam::new(word));
                let sr = b.import_signature(sig);
                let call = b.ins().call_indirect(sr, callee, &args);
                Some(b.inst_results(call)[0])
            }
            Op::Label => {
                let body = b.create_block();
                let mut bargs = Vec::new();
                for &r in a {
                    bargs.push(BlockArg::Value(get(&mut b, &vals, r)?));
                }
                for _ in a {
                    b.append_block_param(body, word);
                }
                b.ins().jump(body, &bargs);
                b.switch_to_block(body);
                let params = b.block_params(body).to_vec();
                for (&r, &p) in a.iter().zip(&params) {
                    if !is_const(r) {
                        vals[r as usize] = Some(p);
                    }
                }
                // Slots whose label value changes around the loop must be written
                // back at every exit: the frame copy is the first iteration's.
                let jump_args = t.insts.iter().rev().find(|x| x.op == Op::Jump).map(|x| x.args.clone());
                if let Some(j) = jump_args {
                    for (k, (&r, &jr)) in a.iter().zip(&j).enumerate() {
                        if r != jr {
                            let slot = inputs.iter().find(|(_, ir)| *ir == r).map(|(s, _)| *s).unwrap_or(k as u32);
                            carried.push((slot, r));
                        }
                    }
                }
                b.seal_block(entry);
                None
            }
            Op::Jump => {
                let mut bargs = Vec::new();
                for &r in a {
                    bargs.push(BlockArg::Value(get(&mut b, &vals, r)?));
                }
                let cur = b.current_block().ok_or("no block")?;
                let _ = cur;
                // The loop block is the one created at the label (the second block).
                let body = b.func.layout.blocks().nth(1).ok_or("jump without label")?;
                b.ins().jump(body, &bargs);
                b.seal_all_blocks();
                b.finalize(cfg);
                return Ok(());
            }
            op if op.is_guard() => {
                let snap = t.snapshots.get(inst.snap as usize).ok_or("guard without snapshot")?;
                let exit = b.create_block();
                b.set_cold_block(exit);
                let cont = b.create_block();
                if op != Op::Finish {
                    let fail_if_true = match op {
                        Op::GuardTrue => {
                            let c = arg(&mut b, &vals, 0)?;
                            b.ins().icmp_imm_s(IntCC::Equal, c, 0)
                        }
                        Op::GuardFalse => {
                            let c = arg(&mut b, &vals, 0)?;
                            b.ins().icmp_imm_s(IntCC::NotEqual, c, 0)
                        }
                        Op::GuardValue => {
                            let (x, y) = (arg(&mut b, &vals, 0)?, arg(&mut b, &vals, 1)?);
                            b.ins().icmp(IntCC::NotEqual, x, y)
                        }
                        Op::GuardClass => {
                            let (x, y) = (arg(&mut b, &vals, 0)?, arg(&mut b, &vals, 1)?);
                            let h = b.ins().load(word, mf, x, 0);
                            b.ins().icmp(IntCC::NotEqual, h, y)
                        }
                        Op::GuardNoOverflow => last_ovf.ok_or("guard_no_overflow without an _ovf op")?,
                        Op::GuardNoException => {
                            let c = arg(&mut b, &vals, 0)?;
                            b.ins().icmp_imm_s(IntCC::Equal, c, 0)
                        }
                        _ => {
                            let p = arg(&mut b, &vals, 0)?;
                            let w = b.ins().load(word, mf, p, 0);
                            b.ins().icmp_imm_s(IntCC::NotEqual, w, 0)
                        }
                    };
                    b.ins().brif(fail_if_true, exit, &[], cont, &[]);
                } else {
                    b.ins().jump(exit, &[]);
                }
                b.switch_to_block(exit);
                let mut written: Vec<u32> = Vec::new();
                for &(slot, r) in &snap.slots {
                    let x = get(&mut b, &vals, r)?;
                    b.ins().store(mf, x, frame, (slot * 8) as i32);
                    written.push(slot);
                }
                for &(slot, r) in &carried {
                    if !written.contains(&slot) {
                        let x = get(&mut b, &vals, r)?;
                        b.ins().store(mf, x, frame, (slot * 8) as i32);
                    }
                }
                let id = b.ins().iconst(word, (exit_base + inst.snap) as i64);
                b.ins().return_(&[id]);
                if op == Op::Finish {
                    b.seal_all_blocks();
                    b.finalize(cfg);
                    return Ok(());
                }
                b.switch_to_block(cont);
                None
            }
            _ => return Err(format!("backend: unsupported op {}", inst.op.name())),
        };
        vals[i] = v;
    }
    Err("trace does not end in jump or finish".into())
}
