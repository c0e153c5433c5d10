import { useScreenHeading } from '../useScreenHeading';
import { OwnerHandovers } from './OwnerHandovers';
import { ReceivedHandovers } from './ReceivedHandovers';

/**
 * The Handover section: the worker's own handovers to a substitute (and
 * taking the notes back), then the packages other workers handed to them.
 */
export function HandoverHome() {
  const heading = useScreenHeading();
  return (
    <div className="screen-body handover-screen">
      <div className="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          Handover
        </h1>
      </div>
      <OwnerHandovers />
      <ReceivedHandovers />
    </div>
  );
}
